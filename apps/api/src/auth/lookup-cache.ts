import type { Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { ApiConfig } from '../config';

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

/** A kind of credential (API key, session): how its tokens look and hash, and how a hash is found. */
export interface CredentialSource<T> {
  /** Whether a token has this credential's form (any other is unknown, without a look-up). */
  looksLike(token: string): boolean;
  hash(token: string): string;
  /** The live credential with this token hash in the database, or null. */
  find(hash: string): Promise<T | null>;
  /** Where its last use is kept and written (see `recordUse`). */
  lastUse: {
    field: { [K in keyof T]: T[K] extends Date | null ? K : never }[keyof T];
    write(credential: T, at: Date): Promise<unknown>;
    /** The credential in the warning a failed write logs: `a key`. */
    what: string;
    logger: Logger;
  };
}

/**
 * Credentials by token: answered from this replica's cache when it knows, else from the database,
 * and the answer (found or not) cached as the API_KEY_CACHE_* settings say.
 */
export class CredentialLookup<T extends object> {
  private readonly cache: LookupCache<T>;

  constructor(
    config: ApiConfig,
    private readonly source: CredentialSource<T>,
  ) {
    this.cache = new LookupCache<T>({
      max: config.API_KEY_CACHE_SIZE,
      ttlMs: config.API_KEY_CACHE_TTL_MS,
      negativeTtlMs: config.API_KEY_NEGATIVE_CACHE_TTL_MS,
    });
  }

  /** The credential (the cached object itself: changes to it are remembered), null when unknown. */
  async find(token: string): Promise<T | null> {
    if (!this.source.looksLike(token)) return null;
    const hash = this.source.hash(token);
    const cached = this.cache.get(hash);
    if (cached) return cached.value;
    const found = await this.source.find(hash);
    this.cache.set(hash, found);
    return found;
  }

  /** Whether the answer for this token is cached (a look-up would not reach the database). */
  isCached(token: string): boolean {
    return this.source.looksLike(token) && this.cache.get(this.source.hash(token)) !== undefined;
  }

  /** Records that the credential was used now: written at most once a minute, without waiting. */
  markUsed(credential: T): void {
    const { field, write, what, logger } = this.source.lastUse;
    const last = credential[field] as Date | null;
    credential[field] = recordUse(last, (now) => write(credential, now), logger, what) as T[typeof field];
  }

  /** Drops this replica's cached answers that match (a revocation bites here at once). */
  forgetWhere(match: (credential: T) => boolean): void {
    this.cache.forgetWhere(match);
  }
}

/** How stale a credential's recorded last use may get before it is written again. */
const RECORD_USE_EVERY_MS = 60_000;

/**
 * Records a credential's use when the recorded one is over a minute old, without holding up the
 * request (a failed write is logged as `Could not record <what>'s last use`). Answers the last use
 * to remember.
 */
export function recordUse(
  last: Date | null,
  write: (now: Date) => Promise<unknown>,
  logger: Logger,
  what: string,
): Date {
  const now = new Date();
  if (last && now.getTime() - last.getTime() < RECORD_USE_EVERY_MS) return last;
  write(now).catch((error: unknown) => {
    logger.warn(
      `Could not record ${what}'s last use: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return now;
}
