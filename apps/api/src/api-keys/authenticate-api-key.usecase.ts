import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { API_CONFIG, type ApiConfig } from '../config';
import { hashKey, looksLikeWorkspaceKey } from './api-key-secret';
import { ApiKeyStore } from './api-key.store';

export interface AuthenticatedKey {
  keyId: string;
  workspaceId: string;
}

interface CacheEntry {
  key: AuthenticatedKey | null;
  expiresAt: number;
}

const MAX_CACHED = 10_000;

/**
 * Resolves a workspace key to its workspace. Lookups (hits and misses) are cached for
 * API_KEY_CACHE_TTL_MS, so a revocation bites everywhere within that time (at once on this replica).
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly store: ApiKeyStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async authenticate(token: string): Promise<AuthenticatedKey | null> {
    if (!looksLikeWorkspaceKey(token)) return null;
    const hash = hashKey(token);
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > Date.now()) return cached.key;
    const row = await this.store.findActiveByHash(hash);
    // The index found the row by hash; compare again in constant time as a matter of principle.
    const key =
      row && timingSafeEqual(Buffer.from(row.keyHash, 'hex'), Buffer.from(hash, 'hex'))
        ? { keyId: row.id, workspaceId: row.workspaceId }
        : null;
    this.remember(hash, key);
    return key;
  }

  /** Drops this replica's cached answer for a key that was just revoked. */
  forget(keyId: string): void {
    for (const [hash, entry] of this.cache) if (entry.key?.keyId === keyId) this.cache.delete(hash);
  }

  private remember(hash: string, key: AuthenticatedKey | null): void {
    if (this.config.API_KEY_CACHE_TTL_MS === 0) return;
    // Bounded: a flood of made-up keys must not grow memory without limit.
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(hash, { key, expiresAt: Date.now() + this.config.API_KEY_CACHE_TTL_MS });
  }
}
