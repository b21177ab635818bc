import { Inject, Injectable, Logger } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { KeyPermission } from '../auth/key-scope';
import { CredentialLookup } from '../auth/lookup-cache';
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

/**
 * Resolves a workspace key to its workspace. Hits are cached for API_KEY_CACHE_TTL_MS (so a
 * revocation bites everywhere within that time, at once on this replica), misses for
 * API_KEY_NEGATIVE_CACHE_TTL_MS.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);
  private readonly keys: CredentialLookup<AuthenticatedKey>;

  constructor(
    private readonly store: ApiKeyStore,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.keys = new CredentialLookup(config, {
      looksLike: looksLikeWorkspaceKey,
      hash: hashKey,
      find: async (hash) => {
        const row = await store.findActiveByHash(hash);
        // The index found the row by hash; compare again in constant time as a matter of principle.
        if (!row || !timingSafeEqual(Buffer.from(row.keyHash, 'hex'), Buffer.from(hash, 'hex'))) return null;
        return {
          keyId: row.id,
          workspaceId: row.workspaceId,
          permissions: row.permissions,
          expiresAt: row.expiresAt,
          lastUsedAt: row.lastUsedAt,
        };
      },
      lastUse: {
        field: 'lastUsedAt',
        write: (key, at) => store.touch(key.keyId, at),
        what: 'a key',
        logger: this.logger,
      },
    });
  }

  /**
   * The key (expired ones too: the caller says so), null when unknown or revoked. A use is
   * recorded at most once a minute per key, without holding up the request.
   */
  async authenticate(token: string): Promise<AuthenticatedKey | null> {
    const key = await this.keys.find(token);
    if (key && !isExpired(key)) this.keys.markUsed(key);
    return key;
  }

  /** Whether the answer for this token is cached (a look-up would not reach the database). */
  isCached(token: string): boolean {
    return this.keys.isCached(token);
  }

  /** Drops this replica's cached answer for a key that was just revoked. */
  forget(keyId: string): void {
    this.keys.forgetWhere((key) => key.keyId === keyId);
  }
}

export const isExpired = (key: Pick<AuthenticatedKey, 'expiresAt'>, now = Date.now()): boolean =>
  key.expiresAt !== null && key.expiresAt.getTime() <= now;
