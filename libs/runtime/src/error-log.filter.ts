import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';

/**
 * Last-resort HTTP error shape for every service: `{ statusCode, error, message }`. An unexpected
 * error becomes a 500 whose message carries an error id that is also in the log.
 */
@Catch()
export class ErrorLogFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      const error =
        typeof body === 'object' && body && 'error' in body
          ? (body as { error: string }).error
          : exception.name;
      void reply
        .status(status)
        .send(
          typeof body === 'object' && body && 'checks' in body
            ? body
            : { statusCode: status, error, message },
        );
      return;
    }
    const statusCode = (exception as { statusCode?: number })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      // Fastify's own errors (body too large, bad content type, malformed JSON).
      void reply.status(statusCode).send({
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Bad Request',
        message: (exception as Error).message,
      });
      return;
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, 'Unhandled error');
    void reply.status(500).send({
      statusCode: 500,
      error: 'Internal Server Error',
      message: `Internal error (error id ${errorId}).`,
    });
  }
}
