import type { CounterStore } from './counter-store';

export interface LimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends (for `Retry-After`). */
  retryAfterSeconds: number;
}

/** At most `max` hits per key in each window of `windowMs`, counted in a (shared) store. */
export class Limiter {
  constructor(
    private readonly store: CounterStore,
    readonly name: string,
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts a hit and says whether it is within the limit. */
  async hit(key: string): Promise<LimitVerdict> {
    return this.verdict(await this.store.incr(this.keyOf(key), this.windowMs), (c) => c <= this.max);
  }

  /** Whether one more hit would be allowed, without counting one. */
  async check(key: string): Promise<LimitVerdict> {
    return this.verdict(await this.store.read(this.keyOf(key), this.windowMs), (c) => c < this.max);
  }

  private keyOf(key: string): string {
    return `${this.name}:${key}`;
  }

  private verdict(count: { current: number; ttlMs: number }, within: (c: number) => boolean): LimitVerdict {
    return {
      allowed: within(count.current),
      limit: this.max,
      remaining: Math.max(0, this.max - count.current),
      retryAfterSeconds: Math.max(1, Math.ceil(count.ttlMs / 1000)),
    };
  }
}
