import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../http/api-error.filter';
import { sessionTokenOf } from '../sessions/session-cookie';
import { clientAddress, type EdgeCheck } from '../rate-limits/edge-limits';
import type { LimitVerdict } from '../rate-limits/limiter';
import type { RateLimits } from '../rate-limits/rate-limits';
import { type CallerIdentifier, isRefusal } from './identify-caller';
import type { Caller } from './key-scope';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the request gate before any body is read; null outside /v1 and on anonymous routes. */
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** A /v1 route anyone may call (signing in): no caller needed, a small body limit. */
    anonymous?: boolean;
  }
}

/** The largest body a caller nobody knows yet may send (a sign-in is a few hundred bytes). */
export const ANONYMOUS_BODY_LIMIT = 4 * 1024;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The header the console sends on changes: a cross-site form or link cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'console';

export function refuse(
  reply: FastifyReply,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply.code(status).headers(headers).send(errorBody(status, message));
}

/** Whether the gate guards this request: every /v1 route (and unknown /v1 paths), nothing else. */
function isGuarded(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return route !== undefined ? route.startsWith('/v1/') : request.url.startsWith('/v1/');
}

/** Whom the per-caller limit counts: a key, a user (all their sessions), or the operator. */
export function callerKey(request: FastifyRequest): string {
  const caller = request.caller;
  if (!caller) return 'anonymous';
  if (caller.kind === 'key') return `key:${caller.keyId}`;
  if (caller.kind === 'session') return `user:${caller.userId}`;
  return 'operator';
}

function tooMany(reply: FastifyReply, verdict: LimitVerdict, message: string): FastifyReply {
  return refuse(reply, 429, `${message} Retry in ${verdict.retryAfterSeconds} s.`, {
    'retry-after': String(verdict.retryAfterSeconds),
    'x-ratelimit-limit': String(verdict.limit),
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(verdict.retryAfterSeconds),
  });
}

export interface GateDependencies {
  identifier: CallerIdentifier;
  limits: RateLimits;
  edge: { perAddress: EdgeCheck; perCaller: EdgeCheck };
}

/**
 * Fastify `onRequest`: who is calling is settled from the headers before any body is read or
 * parsed, in this order:
 * 1. requests per client address (429);
 * 2. anonymous routes (signing in): sign-in attempts per address (429), then the route;
 * 3. the credential: none, malformed, unknown, expired or revoked is a 401 at once, whatever the
 *    body's size or type; an address with too many refused credentials gets 429 before any
 *    look-up;
 * 4. requests per caller (429);
 * 5. a cookie session changing something must carry `X-Requested-With: console` (CSRF), else 403.
 */
export function installRequestGate(fastify: FastifyInstance, deps: GateDependencies): void {
  const { identifier, limits, edge } = deps;
  fastify.decorateRequest('caller', null);
  fastify.addHook('onRoute', (route) => {
    if (route.config?.anonymous)
      route.bodyLimit = Math.min(route.bodyLimit ?? Infinity, ANONYMOUS_BODY_LIMIT);
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isGuarded(request)) return;
    const address = clientAddress(request);
    const perAddress = await edge.perAddress(request);
    if (!perAddress.allowed) return tooMany(reply, perAddress, 'Too many requests from your address.');
    if (request.routeOptions.config?.anonymous) {
      const attempts = await limits.signInPerAddress.hit(address);
      if (!attempts.allowed) return tooMany(reply, attempts, 'Too many sign-in attempts from your address.');
      return;
    }
    const credentials = {
      authorization: request.headers.authorization,
      sessionToken: sessionTokenOf(request),
    };
    const presented = credentials.authorization !== undefined || credentials.sessionToken !== undefined;
    if (presented && identifier.needsLookup(credentials)) {
      const failures = await limits.authFailures.check(address);
      if (!failures.allowed)
        return tooMany(reply, failures, 'Too many refused keys or sessions from your address.');
    }
    const result = await identifier.identify(credentials);
    if (isRefusal(result)) {
      if (presented) await limits.authFailures.hit(address);
      return refuse(reply, result.status, result.message);
    }
    request.caller = result;
    const perCaller = await edge.perCaller(request);
    if (!perCaller.allowed) return tooMany(reply, perCaller, 'Too many requests for this key.');
    if (
      result.kind === 'session' &&
      UNSAFE.has(request.method) &&
      request.headers[CSRF_HEADER] !== CSRF_VALUE
    )
      return refuse(
        reply,
        403,
        `A signed-in change must carry the header "X-Requested-With: ${CSRF_VALUE}" (protection against cross-site requests).`,
      );
  });
}
