/** A hit count in the current fixed window of a counter, and how long until that window ends. */
export interface WindowCount {
  current: number;
  ttlMs: number;
}

/**
 * Counters per key in fixed time windows (aligned to the epoch, so every replica agrees on the
 * window). `incr` counts a hit, `read` only looks.
 */
export interface CounterStore {
  incr(key: string, windowMs: number): Promise<WindowCount>;
  read(key: string, windowMs: number): Promise<WindowCount>;
}

export const windowStartOf = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs;
