import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { LookupCache } from '../auth/lookup-cache';
import { API_CONFIG, type ApiConfig } from '../config';
import { hashKey, looksLikeWorkspaceKey } from './api-key-secret';
import { ApiKeyStore } from './api-key.store';

export interface AuthenticatedKey {
  keyId: string;
  workspaceId: string;
}

/**
 * Resolves a workspace key to its workspace. Hits are cached for API_KEY_CACHE_TTL_MS (so a
 * revocation bites everywhere within that time, at once on this replica), misses for
 * API_KEY_NEGATIVE_CACHE_TTL_MS.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly cache: LookupCache<AuthenticatedKey>;

  constructor(
    private readonly store: ApiKeyStore,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.cache = new LookupCache({
      max: config.API_KEY_CACHE_SIZE,
      ttlMs: config.API_KEY_CACHE_TTL_MS,
      negativeTtlMs: config.API_KEY_NEGATIVE_CACHE_TTL_MS,
    });
  }

  /** The key, null when unknown or revoked; `cached` tells whether the database was spared. */
  async authenticate(token: string): Promise<AuthenticatedKey | null> {
    if (!looksLikeWorkspaceKey(token)) return null;
    const hash = hashKey(token);
    const cached = this.cache.get(hash);
    if (cached) return cached.value;
    const row = await this.store.findActiveByHash(hash);
    // The index found the row by hash; compare again in constant time as a matter of principle.
    const key =
      row && timingSafeEqual(Buffer.from(row.keyHash, 'hex'), Buffer.from(hash, 'hex'))
        ? { keyId: row.id, workspaceId: row.workspaceId }
        : null;
    this.cache.set(hash, key);
    return key;
  }

  /** Whether the answer for this token is cached (a look-up would not reach the database). */
  isCached(token: string): boolean {
    return looksLikeWorkspaceKey(token) && this.cache.get(hashKey(token)) !== undefined;
  }

  /** Drops this replica's cached answer for a key that was just revoked. */
  forget(keyId: string): void {
    this.cache.forgetWhere((key) => key.keyId === keyId);
  }
}
