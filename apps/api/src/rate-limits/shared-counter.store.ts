import { Logger } from '@nestjs/common';
import { windowStartOf, type CounterStore, type WindowCount } from './counter-store';

/** What the store needs of Postgres: one parameterised statement at a time. */
export interface SqlRunner {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
}

interface Counter {
  key: string;
  windowStart: number;
  windowMs: number;
  /** The total across replicas as of the last sync (this replica's synced hits included). */
  shared: number;
  /** Hits counted here since, not yet added to the shared row. */
  pending: number;
  /** Hits being added right now. */
  inFlight: number;
}

export interface SharedCounterOptions {
  /** How often local hits are added to the shared counters (and the totals read back). */
  syncMs: number;
  /** Most counters kept in memory (oldest windows dropped first). */
  maxCounters: number;
}

const UPSERT = `
  INSERT INTO rate_limit_counters (key, window_start, window_ms, hits)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[])
  ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_counters.hits + EXCLUDED.hits
  RETURNING key, window_start::text AS window_start, hits`;
const PURGE = `DELETE FROM rate_limit_counters WHERE window_start + window_ms < $1`;

/**
 * Rate-limit counters shared by every api replica through one UNLOGGED Postgres table, without a
 * database round trip per request: each replica counts hits locally and, every `syncMs`, adds
 * them to the shared rows in one statement and reads the totals back. A decision uses the last
 * shared total plus the hits counted here since, so all replicas together may let through at most
 * a sync interval's worth of extra hits per replica. If Postgres is unreachable, each replica
 * keeps limiting on its own counts (fail open to the local limit, never to no limit).
 */
export class SharedCounterStore implements CounterStore {
  private readonly logger = new Logger(SharedCounterStore.name);
  private readonly counters = new Map<string, Counter>();
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private lastPurge = 0;
  private lastWarning = 0;

  constructor(
    private readonly sql: SqlRunner,
    private readonly options: SharedCounterOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sync(), this.options.syncMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sync();
  }

  async incr(key: string, windowMs: number): Promise<WindowCount> {
    const now = Date.now();
    const counter = this.counter(key, windowMs, now, true) as Counter;
    counter.pending++;
    return this.count(counter, now);
  }

  async read(key: string, windowMs: number): Promise<WindowCount> {
    const now = Date.now();
    const counter = this.counter(key, windowMs, now, false);
    return counter
      ? this.count(counter, now)
      : { current: 0, ttlMs: windowMs - (now - windowStartOf(now, windowMs)) };
  }

  /** Adds local hits to the shared rows and reads the totals back (one statement). */
  sync(): Promise<void> {
    this.syncing ??= this.flush().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private count(counter: Counter, now: number): WindowCount {
    return {
      current: counter.shared + counter.inFlight + counter.pending,
      ttlMs: counter.windowStart + counter.windowMs - now,
    };
  }

  private counter(key: string, windowMs: number, now: number, create: boolean): Counter | undefined {
    const windowStart = windowStartOf(now, windowMs);
    const id = `${windowStart}|${key}`;
    let counter = this.counters.get(id);
    if (!counter && create) {
      if (this.counters.size >= this.options.maxCounters) this.dropOldest();
      counter = { key, windowStart, windowMs, shared: 0, pending: 0, inFlight: 0 };
      this.counters.set(id, counter);
    }
    return counter;
  }

  private dropOldest(): void {
    const oldest = this.counters.keys().next();
    if (!oldest.done) this.counters.delete(oldest.value);
  }

  private async flush(): Promise<void> {
    const now = Date.now();
    const batch: Counter[] = [];
    for (const [id, counter] of this.counters) {
      if (counter.windowStart + counter.windowMs <= now) this.counters.delete(id);
      else if (counter.pending > 0) {
        counter.inFlight = counter.pending;
        counter.pending = 0;
        batch.push(counter);
      }
    }
    if (batch.length === 0) return;
    try {
      const rows = (await this.sql.query(UPSERT, [
        batch.map((c) => c.key),
        batch.map((c) => c.windowStart),
        batch.map((c) => c.windowMs),
        batch.map((c) => c.inFlight),
      ])) as Array<{ key: string; window_start: string; hits: number }>;
      const totals = new Map(rows.map((r) => [`${r.window_start}|${r.key}`, r.hits]));
      for (const counter of batch) {
        counter.shared = Math.max(
          counter.shared + counter.inFlight,
          totals.get(`${counter.windowStart}|${counter.key}`) ?? 0,
        );
        counter.inFlight = 0;
      }
      await this.purge(now);
    } catch (error) {
      // Keep the hits: they go with the next sync; meanwhile decisions use the local counts.
      for (const counter of batch) {
        counter.pending += counter.inFlight;
        counter.inFlight = 0;
      }
      if (now - this.lastWarning > 60_000) {
        this.lastWarning = now;
        this.logger.warn(
          `Rate-limit counters could not be shared (limiting per replica meanwhile): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /** Ended windows are deleted about once a minute by whichever replica gets there. */
  private async purge(now: number): Promise<void> {
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    await this.sql.query(PURGE, [now]);
  }
}
