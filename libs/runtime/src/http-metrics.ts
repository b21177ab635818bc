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
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_class: statusClass(reply.statusCode),
    };
    requests.inc(labels);
    seconds.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}
