import { backoffMs } from './retry';

/**
 * How long a failing message may hold its conversation. Transient errors (a dependency down,
 * a timeout) are retried in place for `inPlaceMs`, so a short outage costs no redelivery; then
 * the message is released to JetStream with a growing delay (the conversation stays blocked
 * behind it), and once it is older than `deadLetterAfterMs` it is dead-lettered, so a message
 * that always times out cannot block its conversation for ever. `npm run dlq` replays it.
 */
export interface RetryPolicy {
  /** How long one delivery retries a transient error in place before it is released. */
  inPlaceMs: number;
  /** The first release's delay; it doubles with each delivery up to `releaseMaxMs`. */
  releaseBaseMs: number;
  releaseMaxMs: number;
  /** Past this age (since it was published) a message failing transiently is dead-lettered. */
  deadLetterAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  inPlaceMs: 60_000,
  releaseBaseMs: 10_000,
  releaseMaxMs: 15 * 60_000,
  deadLetterAfterMs: 24 * 60 * 60_000,
};

export type RetryDecision =
  | { action: 'retry'; delayMs: number }
  | { action: 'release'; delayMs: number }
  | { action: 'dead_letter'; reason?: string };

export interface FailedAttempt {
  /** The error is the infrastructure's (isTransientError), not the message's. */
  transient: boolean;
  /** No retry can change the outcome (NonRetryableError, an AppError decision). */
  final: boolean;
  /** Attempts of this delivery so far, this one included. */
  attempt: number;
  /** Attempts before a message that keeps failing for a non-transient reason is dead-lettered. */
  maxAttempts: number;
  /** Time since this delivery's first attempt started. */
  inPlaceElapsedMs: number;
  /** Time since the message was published (its stream timestamp). */
  ageMs: number;
  /** JetStream's delivery count of this delivery (1 = first). */
  deliveryCount: number;
}

/** What to do after a handler failed. Pure: the consumer acts on the answer. */
export function decideRetry(
  failed: FailedAttempt,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  if (failed.final) return { action: 'dead_letter' };
  if (!failed.transient) {
    return failed.attempt < failed.maxAttempts
      ? { action: 'retry', delayMs: backoffMs(failed.attempt, 100, 2_000) }
      : { action: 'dead_letter' };
  }
  const delayMs = backoffMs(failed.attempt, 100, 5_000);
  if (failed.inPlaceElapsedMs + delayMs < policy.inPlaceMs) return { action: 'retry', delayMs };
  if (failed.ageMs >= policy.deadLetterAfterMs) {
    return {
      action: 'dead_letter',
      reason: `still failing after ${formatDuration(failed.ageMs)} and ${failed.deliveryCount} deliveries (dead-lettered past ${formatDuration(policy.deadLetterAfterMs)})`,
    };
  }
  return { action: 'release', delayMs: releaseDelayMs(failed.deliveryCount, policy) };
}

/** The redelivery delay after the given delivery: base × 2^(delivery − 1), capped, with ±10 % jitter. */
export function releaseDelayMs(deliveryCount: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.min(30, Math.max(0, deliveryCount - 1));
  const delay = Math.min(policy.releaseMaxMs, policy.releaseBaseMs * 2 ** exponent);
  return Math.round(delay * (0.9 + Math.random() * 0.2));
}

/**
 * The most deliveries a message can get by being released before its age dead-letters it (each
 * delivery lasts at least the in-place window). The poison check (a message that crashes its
 * consumer) counts only deliveries past these.
 */
export function maxReleases(policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  let elapsed = 0;
  let releases = 0;
  while (elapsed < policy.deadLetterAfterMs && releases < 10_000) {
    releases++;
    elapsed +=
      policy.inPlaceMs +
      0.9 * Math.min(policy.releaseMaxMs, policy.releaseBaseMs * 2 ** Math.min(30, releases - 1));
  }
  return releases;
}

function formatDuration(ms: number): string {
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}
