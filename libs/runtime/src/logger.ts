import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentTraceId } from '@app/messaging';

/**
 * Any phone-looking run of digits inside a log string keeps only its first 4 and last 2 digits.
 * Digits inside identifiers (UUIDs, SIDs) are left alone.
 */
export function maskPhonesInText(text: string): string {
  return text.replace(
    /(?<![\w-])(\+?\d{4})(\d{2,9})(\d{2})(?![\w-])/g,
    (_m, head: string, middle: string, tail: string) => `${head}${'*'.repeat(middle.length)}${tail}`,
  );
}

/**
 * Structured JSON logs. Secrets and phone numbers never reach the output: known keys are
 * redacted, and phone-looking digits inside messages are masked.
 */
export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers.authorization',
        '*.authToken',
        '*.apiKey',
        '*.password',
        '*.phone',
        '*.from',
        '*.to',
        '*.body',
        'phone',
        'from',
        'to',
        'body',
      ],
      censor: '[redacted]',
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPhonesInText(a) : a)) as typeof args;
        const traceId = currentTraceId();
        if (traceId && typeof masked[0] === 'string') {
          return method.apply(this, [{ traceId }, ...masked] as unknown as typeof args);
        }
        return method.apply(this, masked);
      },
    },
  });
}

/** NestJS's logger interface on top of pino, so framework logs are JSON too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, stack: trace }, stringify(message));
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }
  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string) {
    this.logger[level]({ context }, stringify(message));
  }
}

function stringify(message: unknown): string {
  return typeof message === 'string'
    ? message
    : message instanceof Error
      ? message.message
      : JSON.stringify(message);
}
