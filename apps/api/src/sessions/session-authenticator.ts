import { Inject, Injectable, Logger } from '@nestjs/common';
import { LookupCache } from '../auth/lookup-cache';
import { API_CONFIG, type ApiConfig } from '../config';
import { SessionStore, type SessionWithUser } from './session.store';
import { hashSessionToken, looksLikeSessionToken } from './session-token';

/** How stale a session's last-seen time may get before it is written again. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves a session cookie to its live session and user. Cached like API keys
 * (API_KEY_CACHE_TTL_MS): sign-out, revocation, password change and user changes bite at once on
 * this replica and within that time on the others.
 */
@Injectable()
export class SessionAuthenticator {
  private readonly logger = new Logger(SessionAuthenticator.name);
  private readonly cache: LookupCache<SessionWithUser>;

  constructor(
    private readonly store: SessionStore,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.cache = new LookupCache({
      max: config.API_KEY_CACHE_SIZE,
      ttlMs: config.API_KEY_CACHE_TTL_MS,
      negativeTtlMs: config.API_KEY_NEGATIVE_CACHE_TTL_MS,
    });
  }

  async authenticate(token: string): Promise<SessionWithUser | null> {
    if (!looksLikeSessionToken(token)) return null;
    const hash = hashSessionToken(token);
    let session = this.cache.get(hash)?.value;
    if (session === undefined) {
      session = await this.store.findLive(hash);
      this.cache.set(hash, session);
    }
    if (!session || session.expiresAt.getTime() <= Date.now()) return null;
    this.touch(session);
    return session;
  }

  isCached(token: string): boolean {
    return looksLikeSessionToken(token) && this.cache.get(hashSessionToken(token)) !== undefined;
  }

  forgetSession(sessionId: string): void {
    this.cache.forgetWhere((s) => s.sessionId === sessionId);
  }

  forgetUser(userId: string): void {
    this.cache.forgetWhere((s) => s.userId === userId);
  }

  /** Records use at most once a minute per session, without holding up the request. */
  private touch(session: SessionWithUser): void {
    const now = new Date();
    if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
    session.lastSeenAt = now;
    this.store.touch(session.sessionId, now).catch((error: unknown) => {
      this.logger.warn(
        `Could not record a session's last use: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
}
