import { Inject, Injectable, Logger } from '@nestjs/common';
import { CredentialLookup } from '../auth/lookup-cache';
import { API_CONFIG, type ApiConfig } from '../config';
import { SessionStore, type SessionWithUser } from './session.store';
import { hashSessionToken, looksLikeSessionToken } from './session-token';

/**
 * Resolves a session cookie to its live session and user. Cached like API keys
 * (API_KEY_CACHE_TTL_MS): sign-out, revocation, password change and user changes bite at once on
 * this replica and within that time on the others.
 */
@Injectable()
export class SessionAuthenticator {
  private readonly logger = new Logger(SessionAuthenticator.name);
  private readonly sessions: CredentialLookup<SessionWithUser>;

  constructor(
    private readonly store: SessionStore,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.sessions = new CredentialLookup(config, {
      looksLike: looksLikeSessionToken,
      hash: hashSessionToken,
      find: (hash) => store.findLive(hash),
      lastUse: {
        field: 'lastSeenAt',
        write: (session, at) => store.touch(session.sessionId, at),
        what: 'a session',
        logger: this.logger,
      },
    });
  }

  async authenticate(token: string): Promise<SessionWithUser | null> {
    const session = await this.sessions.find(token);
    if (!session || session.expiresAt.getTime() <= Date.now()) return null;
    this.sessions.markUsed(session);
    return session;
  }

  isCached(token: string): boolean {
    return this.sessions.isCached(token);
  }

  forgetSession(sessionId: string): void {
    this.sessions.forgetWhere((s) => s.sessionId === sessionId);
  }

  forgetUser(userId: string): void {
    this.sessions.forgetWhere((s) => s.userId === userId);
  }
}
