import { createHash, randomBytes } from 'node:crypto';

/** The cookie that carries a console session. */
export const SESSION_COOKIE = 'ta_session';

/** 32 random bytes, base64url: the cookie's value. Only its hash is stored. */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const looksLikeSessionToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
