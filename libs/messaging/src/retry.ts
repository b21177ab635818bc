import { isAppError } from '@app/contracts';

/** A handler error that no retry can fix: the message goes straight to the dead-letter subject. */
export class NonRetryableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableError';
  }
}

/**
 * Not a failure: the handler cannot act on the message yet (a send waiting for its sender's rate
 * slot). The message goes back to JetStream and returns after `delayMs`, holding none of the
 * consumer's slots meanwhile; no attempt, release or blocked conversation is counted.
 */
export class DeferDelivery extends Error {
  constructor(readonly delayMs: number) {
    super(`deferred for ${Math.round(delayMs)} ms`);
    this.name = 'DeferDelivery';
  }
}

const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);
// Postgres: connection exceptions (08xxx), shutdown (57P0x), too many connections, serialization, deadlock.
const TRANSIENT_PG = /^(08...|57P0[1-3]|53300|40001|40P01)$/;

/**
 * Whether an error is the infrastructure's (a database or service restarting, a dropped
 * connection) rather than the message's. Transient errors are retried without bound, so a
 * Postgres or NATS restart never sends good messages to the dead-letter subject.
 */
export function isTransientError(error: unknown): boolean {
  if (isAppError(error)) return error.code === 'unavailable';
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && (TRANSIENT_NODE_CODES.has(e.code) || TRANSIENT_PG.test(e.code)))
    return true;
  if (e.driverError && e.driverError !== error && isTransientError(e.driverError)) return true;
  if (e.cause && e.cause !== error && isTransientError(e.cause)) return true;
  const name = e.name ?? '';
  if (
    [
      'TimeoutError',
      'NoRespondersError',
      'ConnectionError',
      'ClosedConnectionError',
      'DrainingConnectionError',
      // A cluster node that is restarting answers before its JetStream is back.
      'JetStreamNotEnabled',
    ].includes(name)
  ) {
    return true;
  }
  return /Connection terminated|connection (is )?(closed|ended)|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|jetstream (is )?not enabled|jetstream system temporarily unavailable/i.test(
    e.message,
  );
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, baseMs = 100, capMs = 5_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a setup call (a stream, a consumer, a KV bucket) until it succeeds, retrying
 * infrastructure errors (`isTransientError`) with backoff for up to `forMs`: a busy or restarting
 * NATS cluster delays a service's start instead of failing it. Other errors are thrown at once.
 */
export async function retryTransient<T>(
  fn: () => Promise<T>,
  options: { forMs: number; onRetry?: (error: unknown) => void },
): Promise<T> {
  const deadline = Date.now() + options.forMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isTransientError(error) || Date.now() >= deadline) throw error;
      options.onRetry?.(error);
      await sleep(backoffMs(attempt, 250, 5_000));
    }
  }
}
