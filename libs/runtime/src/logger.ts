import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentTraceId } from '@app/messaging';

/**
 * Phone-looking text in a log line: a run of 8 to 15 digits, a number written with a plus and
 * spaces, dashes or parentheses (`+1 555-123-4567`, `+44 20 7946 0958`, `+1 (555) 123-4567`), or
 * a national format (`(555) 123-4567`, `555-123-4567`, `555.123.4567`). Digits inside
 * identifiers (UUIDs, SIDs), dates and times are not matched.
 */
const PHONE_IN_TEXT =
  // Not inside a word, a UUID or a decimal; each alternative is linear (no nested digit runs).
  /(?<![\w.-])(?:\+\d+(?:(?:[ -]|[ -]?\(\d+\)[ -]?)\d+)*|\(\d{2,5}\)[ -]?\d{2,4}(?:[ .-]\d{2,4}){1,2}|\d{3}[ .-]\d{3}[ .-]\d{4}|\d{8,15})(?![\w-]|\.\d)/g;

/**
 * Any phone-looking text inside a log string keeps only its first 4 and last 2 digits; the digits
 * between become `*`, formatting stays (`+1 555-123-4567` → `+1 55*-***-**67`).
 */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, (match) => {
    const digits = match.replace(/\D/g, '').length;
    if (digits < 8 || digits > 15) return match;
    let seen = 0;
    return match.replace(/\d/g, (digit) => {
      seen += 1;
      return seen <= 4 || seen > digits - 2 ? digit : '*';
    });
  });
}

/** The same masking over every string inside a logged object (an error's message, a payload). */
function maskPhonesDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPhonesInText(value);
  if (depth > 6 || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskPhonesDeep(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = maskPhonesDeep(item, depth + 1);
  return out;
}

/**
 * Structured JSON logs. Secrets and phone numbers never reach the output: known keys are
 * redacted, and phone-looking digits inside messages are masked.
 */
export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => maskPhonesDeep(object) as Record<string, unknown>,
      },
      // Every line written inside a trace carries its id, whichever path wrote it (pino calls,
      // Nest's Logger through PinoNestLogger, the error filter).
      mixin: () => {
        const traceId = currentTraceId();
        return traceId ? { traceId } : {};
      },
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
          return method.apply(this, masked);
        },
      },
    },
    destination,
  );
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
