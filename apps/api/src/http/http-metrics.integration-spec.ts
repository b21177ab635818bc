import { randomUUID } from 'node:crypto';
import { ADMIN_KEY, ApiHarness } from '../testing/api-harness';

/** http_requests_total for these labels, from the api's /metrics (0 before the first). */
async function requestsCounted(h: ApiHarness, labels: Record<string, string>): Promise<number> {
  const text = (await h.call('GET', '/metrics')).body as string;
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return text
    .split('\n')
    .filter((line) => line.startsWith('http_requests_total{') && wanted.every((w) => line.includes(w)))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

describe('api: HTTP requests counted by route template and status class', () => {
  // No service answers behind this api (no fakes): every call that asks one is a 503, as when
  // preferences does not answer in time.
  const h = ApiHarness.forSuite({ workspace: false, fakes: false });

  it('counts a 503 under its route template, never the id, and a URL no route has as unmatched', async () => {
    const list = { method: 'GET', route: '/v1/workspaces', status_class: '5xx' };
    const one = { method: 'GET', route: '/v1/workspaces/:id', status_class: '5xx' };
    const [listBefore, oneBefore] = [await requestsCounted(h, list), await requestsCounted(h, one)];

    expect((await h.call('GET', '/v1/workspaces', ADMIN_KEY)).status).toBe(503);
    const id = randomUUID();
    expect((await h.call('GET', `/v1/workspaces/${id}`, ADMIN_KEY)).status).toBe(503);
    expect((await h.call('GET', `/v1/workspaces/${randomUUID()}`, ADMIN_KEY)).status).toBe(503);

    expect(await requestsCounted(h, list)).toBe(listBefore + 1);
    expect(await requestsCounted(h, one)).toBe(oneBefore + 2);
    const text = (await h.call('GET', '/metrics')).body as string;
    expect(text).not.toContain(id);
    expect(text).toMatch(/^http_request_duration_seconds_count\{[^}]*route="\/v1\/workspaces\/:id"/m);

    const unmatched = { route: 'unmatched', status_class: '4xx' };
    const before = await requestsCounted(h, unmatched);
    expect((await h.call('GET', `/v1/no-such-thing/${id}`, ADMIN_KEY)).status).toBe(404);
    expect(await requestsCounted(h, unmatched)).toBe(before + 1);
  });
});
