import type { FastifyInstance } from 'fastify';
import { counter, histogram } from '@app/telemetry';

const LABELS = ['method', 'route', 'status_class'] as const;
const requests = counter(
  'http_requests_total',
  'HTTP requests answered, by method, route template and status class (2xx, 4xx, 5xx...)',
  LABELS,
);
const seconds = histogram(
  'http_request_duration_seconds',
  'Time to answer an HTTP request, by method, route template and status class',
  LABELS,
);

/** `503` → `5xx`: the class an alert on server errors sums over. */
export const statusClass = (status: number): string => `${Math.floor(status / 100)}xx`;

/**
 * Counts and times every answered request by its route template (`/v1/members/:id`, never the
 * id: labels stay bounded); a URL no route matches is `unmatched`.
 */
export function countHttpRequests(fastify: FastifyInstance): void {
  // The labelled children, bound once per label set: prom-client hashes a labels object per call.
  const children = new Map<string, { count: { inc(): void }; time: { observe(v: number): void } }>();
  fastify.addHook('onResponse', (request, reply, done) => {
    const method = request.method;
    const route = request.routeOptions.url ?? 'unmatched';
    const status = statusClass(reply.statusCode);
    const key = `${method} ${route} ${status}`;
    let child = children.get(key);
    if (!child) {
      child = {
        count: requests.labels(method, route, status),
        time: seconds.labels(method, route, status),
      };
      children.set(key, child);
    }
    child.count.inc();
    child.time.observe(reply.elapsedTime / 1000);
    done();
  });
}
