import {
  decideRetry,
  maxReleases,
  releaseDelayMs,
  type FailedAttempt,
  type RetryPolicy,
} from './retry-policy';

const policy: RetryPolicy = {
  inPlaceMs: 60_000,
  releaseBaseMs: 10_000,
  releaseMaxMs: 900_000,
  deadLetterAfterMs: 24 * 3_600_000,
};
const failed = (over: Partial<FailedAttempt>): FailedAttempt => ({
  transient: true,
  final: false,
  attempt: 1,
  maxAttempts: 5,
  inPlaceElapsedMs: 0,
  ageMs: 0,
  deliveryCount: 1,
  ...over,
});

describe('decideRetry: bounded in place, then released, then dead-lettered', () => {
  it.each<[string, Partial<FailedAttempt>, string]>([
    ['a final error (a decision, not a failure)', { final: true }, 'dead_letter'],
    ['a final error even if transient-looking', { final: true, transient: true }, 'dead_letter'],
    ['a bug, first attempt', { transient: false, attempt: 1 }, 'retry'],
    ['a bug, 4th of 5 attempts', { transient: false, attempt: 4 }, 'retry'],
    ['a bug, 5th of 5 attempts', { transient: false, attempt: 5 }, 'dead_letter'],
    ['a bug never released, even when old', { transient: false, attempt: 2, ageMs: 48 * 3_600_000 }, 'retry'],
    ['a timeout inside the in-place window', { inPlaceElapsedMs: 10_000, attempt: 20 }, 'retry'],
    ['a timeout at the end of the window', { inPlaceElapsedMs: 59_999, attempt: 40 }, 'release'],
    ['a timeout past the window', { inPlaceElapsedMs: 61_000, ageMs: 61_000 }, 'release'],
    ['a timeout past the window, 23 h old', { inPlaceElapsedMs: 61_000, ageMs: 23 * 3_600_000 }, 'release'],
    [
      'a timeout past the window and 24 h old',
      { inPlaceElapsedMs: 61_000, ageMs: 24 * 3_600_000 },
      'dead_letter',
    ],
    [
      'a timeout inside the window although old (first try after an outage)',
      { ageMs: 48 * 3_600_000 },
      'retry',
    ],
  ])('%s → %s', (_what, over, action) => {
    expect(decideRetry(failed(over), policy).action).toBe(action);
  });

  it('says why a transient failure was dead-lettered', () => {
    const decision = decideRetry(
      failed({ inPlaceElapsedMs: 61_000, ageMs: 25 * 3_600_000, deliveryCount: 31 }),
      policy,
    );
    expect(decision).toEqual({
      action: 'dead_letter',
      reason: 'still failing after 25 h and 31 deliveries (dead-lettered past 24 h)',
    });
  });

  it('retries in place with capped backoff that fits the window', () => {
    for (let attempt = 1; attempt < 30; attempt++) {
      const d = decideRetry(failed({ attempt, inPlaceElapsedMs: 1_000 }), policy);
      expect(d.action).toBe('retry');
      if (d.action === 'retry') expect(d.delayMs).toBeLessThanOrEqual(5_000);
    }
  });
});

describe('releaseDelayMs: doubling from the base, capped, ±10 %', () => {
  it.each([
    [1, 9_000, 11_000],
    [2, 18_000, 22_000],
    [4, 72_000, 88_000],
    [10, 810_000, 990_000],
    [500, 810_000, 990_000],
  ])('after delivery %i waits %i–%i ms', (delivery, min, max) => {
    for (let i = 0; i < 50; i++) {
      const delay = releaseDelayMs(delivery, policy);
      expect(delay).toBeGreaterThanOrEqual(min);
      expect(delay).toBeLessThanOrEqual(max);
    }
  });
});

describe('maxReleases: how many deliveries releasing can cost before the age limit', () => {
  it('is bounded by the age limit over the shortest cycle', () => {
    // 60 s in place + 15 min (×0.9) per cycle once capped: about 95 cycles in 24 h.
    const n = maxReleases(policy);
    expect(n).toBeGreaterThan(80);
    expect(n).toBeLessThan(120);
  });

  it('grows when the cycles are short', () => {
    expect(
      maxReleases({ inPlaceMs: 800, releaseBaseMs: 300, releaseMaxMs: 1_000, deadLetterAfterMs: 5_000 }),
    ).toBe(4);
  });
});
