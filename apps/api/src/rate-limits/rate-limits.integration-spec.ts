import { randomBytes } from 'node:crypto';
import { waitFor } from '@app/testing';
import { ADMIN_KEY, ApiHarness, type ApiAnswer } from '../testing/api-harness';

const inventedKey = () => `wsk_${randomBytes(32).toString('base64url')}`;

/** Postgres look-ups of keys and sessions so far (the api's own counter, from /metrics). */
async function lookups(h: ApiHarness): Promise<number> {
  const text = (await h.call('GET', '/metrics')).body as string;
  return text
    .split('\n')
    .filter((line) => line.startsWith('api_credential_lookups_total'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

const expectTooMany = (res: ApiAnswer, message: RegExp) => {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    statusCode: 429,
    error: 'Too Many Requests',
    message: expect.stringMatching(message),
  });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
};

describe('rate limits', () => {
  describe('invented keys', () => {
    // A key cached for the whole flood (on a busy machine 500 requests outlast the 5 s default).
    const h = ApiHarness.forSuite({ workspace: false, env: { API_KEY_CACHE_TTL_MS: '60000' } });

    it('500 invented keys from one address cost at most the failure limit in look-ups, then 429', async () => {
      const ws = await h.workspace();
      // A key in use before the flood stays usable (its answer is cached; no look-up needed).
      expect((await h.call('GET', '/v1/phone-numbers', ws.key)).status).toBe(200);
      const before = await lookups(h);
      const startedAt = Date.now();
      const statuses: number[] = [];
      let last: ApiAnswer | undefined;
      for (let i = 0; i < 500; i++) {
        last = await h.call('GET', '/v1/phone-numbers', inventedKey());
        statuses.push(last.status);
      }
      const looked = (await lookups(h)) - before;
      // 20 a minute, in windows aligned to the minute: a flood that straddles one gets two.
      const windows = Math.floor(Date.now() / 60_000) - Math.floor(startedAt / 60_000) + 1;
      expect(looked).toBeGreaterThan(0);
      expect(looked).toBeLessThanOrEqual(20 * windows);
      expect(statuses.filter((s) => s === 401)).toHaveLength(looked);
      expect(statuses.filter((s) => s === 429)).toHaveLength(500 - looked);
      expectTooMany(last!, /Too many refused keys/);
      expect((await h.call('GET', '/v1/phone-numbers', ws.key)).status).toBe(200);
      // The same unknown key again is answered from the negative cache, not the database.
      const again = inventedKey();
      await h.call('GET', '/v1/phone-numbers', again);
      const afterFlood = await lookups(h);
      expect((await h.call('GET', '/v1/phone-numbers', again)).status).toBe(429);
      expect(await lookups(h)).toBe(afterFlood);
    });
  });

  describe('per key and per address', () => {
    const h = ApiHarness.forSuite({
      workspace: false,
      env: {
        API_RATE_LIMIT_PER_KEY: '5',
        API_RATE_LIMIT_PER_ADDRESS: '40',
        // Windows are aligned to their length: with a minute, a busy CI's run could straddle two
        // (the address's 429, then a fresh window for the next call); the longest allowed is an hour.
        API_RATE_LIMIT_WINDOW_MS: '3600000',
      },
    });

    it('answers 429 with Retry-After past the per-key limit; another key is unaffected', async () => {
      const [a, b] = [await h.workspace(), await h.workspace()];
      const answers: ApiAnswer[] = [];
      for (let i = 0; i < 6; i++) answers.push(await h.call('GET', '/v1/members', a.key));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
      expectTooMany(answers[5], /Too many requests for this key/);
      expect(answers[5].headers.get('x-ratelimit-limit')).toBe('5');
      expect((await h.call('GET', '/v1/members', b.key)).status).toBe(200);
    });

    it('counts every request of an address, with or without a key, and leaves health alone', async () => {
      let res: ApiAnswer | undefined;
      for (let i = 0; i < 60 && res?.status !== 429; i++) res = await h.call('GET', '/v1/members');
      expectTooMany(res!, /Too many requests from your address/);
      expect((await h.call('GET', '/health/live')).status).toBe(200);
      expect((await h.call('GET', '/v1/workspaces', ADMIN_KEY)).status).toBe(429);
    });
  });

  describe('the client address behind proxies (TRUSTED_PROXIES)', () => {
    const env = { API_RATE_LIMIT_PER_ADDRESS: '5', API_RATE_LIMIT_WINDOW_MS: '60000' };
    const forwardedFor = (address: string) => ({ 'x-forwarded-for': address });
    let direct: ApiHarness;
    let proxied: ApiHarness;
    beforeAll(async () => {
      [direct, proxied] = await Promise.all([
        ApiHarness.start({ env }),
        ApiHarness.start({ env: { ...env, TRUSTED_PROXIES: '127.0.0.1,::1' } }),
      ]);
    });
    afterAll(async () => {
      await direct?.stop();
      await proxied?.stop();
    });

    it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 6; i++)
        statuses.push(
          (await direct.call('GET', '/v1/members', undefined, undefined, forwardedFor(`203.0.113.${i}`)))
            .status,
        );
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    });

    it("counts a trusted proxy's forwarded client address, each client on its own", async () => {
      const first: number[] = [];
      for (let i = 0; i < 6; i++)
        first.push(
          (await proxied.call('GET', '/v1/members', undefined, undefined, forwardedFor('198.51.100.7')))
            .status,
        );
      expect(first).toEqual([401, 401, 401, 401, 401, 429]);
      const other = await proxied.call(
        'GET',
        '/v1/members',
        undefined,
        undefined,
        forwardedFor('198.51.100.8'),
      );
      expect(other.status).toBe(401);
    });
  });

  describe('across replicas', () => {
    let a: ApiHarness;
    let b: ApiHarness;
    const env = {
      API_RATE_LIMIT_PER_KEY: '10',
      API_RATE_LIMIT_WINDOW_MS: '60000',
      API_RATE_LIMIT_SYNC_MS: '100',
    };
    beforeAll(async () => {
      a = await ApiHarness.start({ env });
      b = await ApiHarness.start({ env, namespace: a.namespace, fakes: false });
    });
    afterAll(async () => {
      await b?.stop();
      await a?.stop();
    });

    it('shares the counters: a key that spent its limit on one replica is refused on the other', async () => {
      const ws = await a.workspace();
      let allowed = 0;
      // Spend most of the budget on replica A (the workspace and key creation used the operator's).
      for (let i = 0; i < 10; i++) if ((await a.call('GET', '/v1/members', ws.key)).status === 200) allowed++;
      expect(allowed).toBe(10);
      // Replica B learns A's count at its next sync: within a few requests it refuses too.
      await waitFor(async () => (await b.call('GET', '/v1/members', ws.key)).status === 429, {
        timeoutMs: 5_000,
        message: 'replica B to refuse the spent key',
      });
      expect((await a.call('GET', '/v1/members', ws.key)).status).toBe(429);
    });
  });
});
