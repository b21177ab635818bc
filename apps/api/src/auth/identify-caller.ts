import { Injectable } from '@nestjs/common';
import { ApiKeyAuthenticator, isExpired } from '../api-keys/authenticate-api-key.usecase';
import { SessionAuthenticator } from '../sessions/session-authenticator';
import type { Caller } from './key-scope';
import { OperatorKeys } from './operator-keys';

const BEARER = /^Bearer ([^\s]+)$/i;

/** Why a request was not let in (answered before anything else is read). */
export interface Refusal {
  status: 401;
  message: string;
}

export interface Credentials {
  authorization: string | string[] | undefined;
  sessionToken: string | undefined;
}

/**
 * Who is calling, from `Authorization: Bearer <key>` (the operator key or a workspace key) or,
 * without that header, the console's session cookie. Headers only: the body is not read yet.
 */
@Injectable()
export class CallerIdentifier {
  constructor(
    private readonly operatorKeys: OperatorKeys,
    private readonly keys: ApiKeyAuthenticator,
    private readonly sessions: SessionAuthenticator,
  ) {}

  async identify({ authorization, sessionToken }: Credentials): Promise<Caller | Refusal> {
    if (authorization !== undefined) return this.byKey(authorization);
    if (sessionToken !== undefined) {
      const session = await this.sessions.authenticate(sessionToken);
      if (!session) return refuse('Your session has ended or is not valid: sign in again.');
      return {
        kind: 'session',
        sessionId: session.sessionId,
        userId: session.userId,
        role: session.role,
        workspaceIds: session.workspaceIds,
      };
    }
    return refuse('Missing Authorization header: send "Authorization: Bearer <key>" (or sign in).');
  }

  /** Whether identifying these credentials would reach the database (used to bound failed look-ups). */
  needsLookup({ authorization, sessionToken }: Credentials): boolean {
    if (authorization !== undefined) {
      const token = bearerToken(authorization);
      return token !== null && !this.operatorKeys.matches(token) && !this.keys.isCached(token);
    }
    return sessionToken !== undefined && !this.sessions.isCached(sessionToken);
  }

  private async byKey(header: string | string[]): Promise<Caller | Refusal> {
    const token = bearerToken(header);
    if (token === null) return refuse('Malformed Authorization header: expected "Bearer <key>".');
    if (this.operatorKeys.matches(token)) return { kind: 'operator' };
    const key = await this.keys.authenticate(token);
    if (!key) return refuse('Unknown or revoked API key.');
    if (isExpired(key)) return refuse(`This API key expired at ${key.expiresAt?.toISOString()}.`);
    return { kind: 'key', keyId: key.keyId, workspaceId: key.workspaceId, permissions: key.permissions };
  }
}

function bearerToken(header: string | string[]): string | null {
  const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
  return match ? match[1] : null;
}

const refuse = (message: string): Refusal => ({ status: 401, message });

export const isRefusal = (result: Caller | Refusal): result is Refusal => 'status' in result;
