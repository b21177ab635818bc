import { Inject, Injectable, Logger } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { KeyPermission } from '../auth/key-scope';
import { LookupCache } from '../auth/lookup-cache';
import { API_CONFIG, type ApiConfig } from '../config';
import { hashKey, looksLikeWorkspaceKey } from './api-key-secret';
import { ApiKeyStore } from './api-key.store';

export interface AuthenticatedKey {
  keyId: string;
  workspaceId: string;
  permissions: KeyPermission[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** How stale a key's last-used time may get before it is written again. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves a workspace key to its workspace. Hits are cached for API_KEY_CACHE_TTL_MS (so a
 * revocation bites everywhere within that time, at once on this replica), misses for
 * API_KEY_NEGATIVE_CACHE_TTL_MS.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);
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

  /**
   * The key (expired ones too: the caller says so), null when unknown or revoked. A use is
   * recorded at most once a minute per key, without holding up the request.
   */
  async authenticate(token: string): Promise<AuthenticatedKey | null> {
    if (!looksLikeWorkspaceKey(token)) return null;
    const hash = hashKey(token);
    let key = this.cache.get(hash)?.value;
    if (key === undefined) {
      const row = await this.store.findActiveByHash(hash);
      // The index found the row by hash; compare again in constant time as a matter of principle.
      key =
        row && timingSafeEqual(Buffer.from(row.keyHash, 'hex'), Buffer.from(hash, 'hex'))
          ? {
              keyId: row.id,
              workspaceId: row.workspaceId,
              permissions: row.permissions,
              expiresAt: row.expiresAt,
              lastUsedAt: row.lastUsedAt,
            }
          : null;
      this.cache.set(hash, key);
    }
    if (key && !isExpired(key)) this.touch(key);
    return key;
  }

  /** Whether the answer for this token is cached (a look-up would not reach the database). */
  isCached(token: string): boolean {
    return looksLikeWorkspaceKey(token) && this.cache.get(hashKey(token)) !== undefined;
  }

  private touch(key: AuthenticatedKey): void {
    const now = new Date();
    if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
    key.lastUsedAt = now;
    this.store.touch(key.keyId, now).catch((error: unknown) => {
      this.logger.warn(
        `Could not record a key's last use: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  /** Drops this replica's cached answer for a key that was just revoked. */
  forget(keyId: string): void {
    this.cache.forgetWhere((key) => key.keyId === keyId);
  }
}

export const isExpired = (key: Pick<AuthenticatedKey, 'expiresAt'>, now = Date.now()): boolean =>
  key.expiresAt !== null && key.expiresAt.getTime() <= now;
