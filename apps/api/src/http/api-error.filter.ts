import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { isAppError } from '@app/contracts';
import { httpStatusOf } from './error-status';
import { TooManyRequests } from './too-many-requests';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/** The one error shape of the api. */
export const errorBody = (statusCode: number, message: string): ErrorBody => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
});

/**
 * Every error of the api as `{ statusCode, error, message }`: AppErrors (ours and the services'),
 * Nest's HTTP errors (unknown route, and Fastify's body errors, which Nest wraps: malformed JSON
 * 400, too large 413, unsupported media type 415). Anything else is a 500 whose error id is
 * logged with the cause.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const [status, payload] = this.describe(exception);
    if (exception instanceof TooManyRequests)
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    void reply.status(status).send(payload);
  }

  private describe(exception: unknown): [number, unknown] {
    if (isAppError(exception)) {
      const status = httpStatusOf(exception.code);
      if (status === 500) return this.internal(exception);
      return [status, errorBody(status, exception.message)];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      // Health checks answer their own shape.
      if (typeof response === 'object' && response && 'checks' in response) return [status, response];
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const text =
        typeof message === 'string'
          ? message
          : Array.isArray(message)
            ? message.map(String).join('; ')
            : exception.message;
      return [status, errorBody(status, text)];
    }
    return this.internal(exception);
  }

  private internal(exception: unknown): [number, ErrorBody] {
    const errorId = randomUUID();
    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`Unhandled error ${errorId}: ${err.name}: ${err.message}`, err.stack);
    return [500, errorBody(500, `Internal error (error id ${errorId}).`)];
  }
}
