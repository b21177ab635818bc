import rateLimit, { normalizeIP, type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CounterStore } from './counter-store';
import type { LimitVerdict } from './limiter';

export type EdgeCheck = (request: FastifyRequest) => Promise<LimitVerdict>;

/** @fastify/rate-limit's store interface on top of our shared counters. */
function storeClass(counters: CounterStore, nameSpace: string) {
  return class SharedStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      counters.incr(`${nameSpace}${key}`, timeWindow).then(
        (r) => callback(null, { current: r.current, ttl: r.ttlMs }),
        (error: Error) => callback(error),
      );
    }
    child() {
      return new SharedStore();
    }
  };
}

/** The client's address as limits count it: IPv4 as is, IPv6 by its /64 (one household or host). */
export const clientAddress = (request: FastifyRequest): string => normalizeIP(request.ip, 64);

/**
 * Registers @fastify/rate-limit (not globally: the request gate calls the checks in order, so the
 * per-address check runs before credentials are looked up and the per-caller one after) and
 * answers the checks, each counting one request in windows of `windowMs`.
 */
export async function registerEdgeLimits(
  fastify: FastifyInstance,
  counters: CounterStore,
  limits: { windowMs: number; perAddress: number; perCaller: number },
  callerKey: (request: FastifyRequest) => string,
): Promise<{ perAddress: EdgeCheck; perCaller: EdgeCheck }> {
  await fastify.register(rateLimit, { global: false, store: storeClass(counters, 'rl:') });
  const check = (max: number, keyGenerator: (request: FastifyRequest) => string): EdgeCheck => {
    const limiter = fastify.createRateLimit({ max, timeWindow: limits.windowMs, keyGenerator });
    return async (request) => {
      const result = await limiter(request);
      if (result.isAllowed) return { allowed: true, limit: max, remaining: max, retryAfterSeconds: 0 };
      return {
        allowed: !result.isExceeded,
        limit: result.max,
        remaining: result.remaining,
        retryAfterSeconds: Math.max(1, result.ttlInSeconds),
      };
    };
  };
  return {
    perAddress: check(limits.perAddress, (request) => `address:${clientAddress(request)}`),
    perCaller: check(limits.perCaller, (request) => `caller:${callerKey(request)}`),
  };
}
