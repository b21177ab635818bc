import { LRUCache } from 'lru-cache';

export interface LookupCacheOptions {
  /** Most entries kept; the least recently used go first. */
  max: number;
  /** How long a found value is trusted (0: never cached). */
  ttlMs: number;
  /** How long "not found" is remembered, so repeated unknown tokens spare the database. */
  negativeTtlMs: number;
}

/**
 * Credential look-ups (API keys, sessions) by token hash: an LRU with a time to live, and a
 * shorter one for misses. Bounded, so a flood of made-up tokens cannot grow memory.
 */
export class LookupCache<T extends object> {
  private readonly lru: LRUCache<string, { value: T | null }>;

  constructor(private readonly options: LookupCacheOptions) {
    this.lru = new LRUCache({ max: options.max, ttlAutopurge: false });
  }

  /** `{ value }` when known (value null: known not to exist), undefined when the database must be asked. */
  get(hash: string): { value: T | null } | undefined {
    return this.lru.get(hash);
  }

  set(hash: string, value: T | null): void {
    const ttl = value === null ? this.options.negativeTtlMs : this.options.ttlMs;
    if (ttl > 0) this.lru.set(hash, { value }, { ttl });
  }

  /** Drops every cached entry whose value matches (a revocation on this replica bites at once). */
  forgetWhere(match: (value: T) => boolean): void {
    for (const [hash, entry] of this.lru.entries())
      if (entry.value && match(entry.value)) this.lru.delete(hash);
  }
}
