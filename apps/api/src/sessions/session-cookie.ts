import { parse, serialize, type SerializeOptions } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './session-token';

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Strict (no other site sends it),
 * the whole origin's path, Secure when the request came over https (directly, or through a
 * trusted proxy's X-Forwarded-Proto).
 */
const options = (request: FastifyRequest): SerializeOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  path: '/',
  secure: request.protocol === 'https',
});

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  void reply.header('set-cookie', serialize(SESSION_COOKIE, token, { ...options(request), maxAge }));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('set-cookie', serialize(SESSION_COOKIE, '', { ...options(request), maxAge: 0 }));
}

/** The session token the request carries, if any (headers only: read before any body). */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header || !header.includes(SESSION_COOKIE)) return undefined;
  return parse(header)[SESSION_COOKIE];
}
