import { waitFor } from '@app/testing';
import { ADMIN_KEY, ApiHarness } from '../testing/api-harness';

describe('api keys and auth', () => {
  // A short cache so the revocation test sees another replica's view expire quickly.
  const h = ApiHarness.forSuite({ workspace: false, env: { API_KEY_CACHE_TTL_MS: '300' } });

  it('answers 401 without a key, with a malformed header, and with an unknown key', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer' },
      { authorization: `Bearer wsk_${'x'.repeat(43)}` },
      { authorization: 'Bearer nope' },
    ];
    for (const headers of attempts) {
      const res = await h.call('GET', '/v1/phone-numbers', undefined, undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
    }
    expect((await h.call('POST', '/v1/workspaces', undefined, { name: 'x' })).status).toBe(401);
  });

  it('keeps operator and workspace keys to their own routes (403 across)', async () => {
    const ws = await h.workspace();
    const onOperatorRoute = await h.call('POST', '/v1/workspaces', ws.key, { name: 'Sneaky' });
    expect(onOperatorRoute.status).toBe(403);
    expect(onOperatorRoute.body.message).toMatch(/operator key/);
    expect((await h.call('POST', `/v1/workspaces/${ws.id}/api-keys`, ws.key)).status).toBe(403);
    const onWorkspaceRoute = await h.call('GET', '/v1/phone-numbers', ADMIN_KEY);
    expect(onWorkspaceRoute.status).toBe(403);
    expect(onWorkspaceRoute.body.message).toMatch(/workspace API key/);
    expect((await h.call('GET', '/v1/phone-numbers', ws.key)).status).toBe(200);
  });

  it('creates workspaces and switches features through the operator routes', async () => {
    const ws = await h.call('POST', '/v1/workspaces', ADMIN_KEY, { name: 'Clinic' });
    expect(ws.status).toBe(201);
    expect(ws.body).toMatchObject({ name: 'Clinic', features: [] });
    expect((await h.ok('PUT', `/v1/workspaces/${ws.body.id}/features/whatsapp`, ADMIN_KEY)).features).toEqual(
      ['whatsapp'],
    );
    expect((await h.ok('GET', `/v1/workspaces/${ws.body.id}`, ADMIN_KEY)).features).toEqual(['whatsapp']);
    expect(
      (await h.ok('DELETE', `/v1/workspaces/${ws.body.id}/features/whatsapp`, ADMIN_KEY)).features,
    ).toEqual([]);
    // The operator sets the daily send quota; a workspace's own key cannot.
    expect(
      await h.ok('PATCH', `/v1/workspaces/${ws.body.id}`, ADMIN_KEY, { dailySendQuota: 5000 }),
    ).toMatchObject({ id: ws.body.id, dailySendQuota: 5000 });
    const negative = await h.call('PATCH', `/v1/workspaces/${ws.body.id}`, ADMIN_KEY, { dailySendQuota: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.message).toMatch(/dailySendQuota/);
    expect((await h.call('PATCH', `/v1/workspaces/${ws.body.id}`, ADMIN_KEY, {})).status).toBe(400);
    const own = await h.workspace();
    expect(
      (await h.call('PATCH', `/v1/workspaces/${own.id}`, own.key, { dailySendQuota: null })).status,
    ).toBe(403);
    // The operator assigns numbers (reassign is theirs alone: a workspace's body may not carry it).
    const assigned = await h.call('POST', `/v1/workspaces/${ws.body.id}/phone-numbers`, ADMIN_KEY, {
      number: '+15550007777',
      reassign: true,
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ workspaceId: ws.body.id, number: '+15550007777' });
    expect(
      (await h.call('POST', `/v1/workspaces/${own.id}/phone-numbers`, own.key, { number: '+15550007778' }))
        .status,
    ).toBe(403);
    // Finding 5 of #12: a workspace key cannot claim a number at all; the answer names the operator's route.
    for (const body of [{ number: '+15550007779' }, { number: '+15550007779', reassign: true }]) {
      const claim = await h.call('POST', '/v1/phone-numbers', own.key, body);
      expect(claim.status).toBe(403);
      expect(claim.body.message).toContain('POST /v1/workspaces/{workspaceId}/phone-numbers');
    }
    expect((await h.call('GET', `/v1/phone-numbers`, own.key)).body.items).toEqual([]);
    const badFeature = await h.call('PUT', `/v1/workspaces/${ws.body.id}/features/telepathy`, ADMIN_KEY);
    expect(badFeature.status).toBe(400);
    expect(badFeature.body.message).toMatch(/feature/);
    expect(
      (await h.call('POST', '/v1/workspaces', ADMIN_KEY, { name: 'X', plan: 'gold' })).body.message,
    ).toMatch(/plan/);
  });

  it('shows a key once, stores only its hash and a prefix, and lists keys without secrets', async () => {
    const ws = await h.ok('POST', '/v1/workspaces', ADMIN_KEY, { name: 'Keys' });
    const created = await h.call('POST', `/v1/workspaces/${ws.id}/api-keys`, ADMIN_KEY, { name: 'zapier' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      key: expect.stringMatching(/^wsk_/),
      name: 'zapier',
      workspaceId: ws.id,
    });
    const { key, id, prefix } = created.body;
    expect(key.startsWith(prefix)).toBe(true);

    const rows = await h.sql(`SELECT * FROM "${h.namespace}_api".api_keys WHERE id = $1`, [id]);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(key);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);

    const listed = await h.ok('GET', `/v1/workspaces/${ws.id}/api-keys`, ADMIN_KEY);
    expect(listed.items).toEqual([expect.objectContaining({ id, prefix, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed.items[0]).not.toHaveProperty('key');
  });

  it('refuses a key for a workspace that does not exist', async () => {
    const res = await h.call('POST', `/v1/workspaces/${crypto.randomUUID()}/api-keys`, ADMIN_KEY);
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/Workspace not found/);
  });

  it('stops accepting a revoked key at once on this replica and within the cache time on others', async () => {
    const ws = await h.workspace();
    expect((await h.call('GET', '/v1/phone-numbers', ws.key)).status).toBe(200);
    // Another replica revokes it: only the database changes, our cache still says yes for a moment.
    await h.sql(`UPDATE "${h.namespace}_api".api_keys SET revoked_at = now() WHERE id = $1`, [ws.keyId]);
    await waitFor(async () => (await h.call('GET', '/v1/phone-numbers', ws.key)).status === 401, {
      timeoutMs: 3000,
      message: 'revocation to bite',
    });

    const second = await h.ok('POST', `/v1/workspaces/${ws.id}/api-keys`, ADMIN_KEY);
    expect((await h.call('GET', '/v1/phone-numbers', second.key)).status).toBe(200);
    const revoked = await h.call('DELETE', `/v1/workspaces/${ws.id}/api-keys/${second.id}`, ADMIN_KEY);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await h.call('GET', '/v1/phone-numbers', second.key)).status).toBe(401);
    // Another workspace's key id is not found there.
    const other = await h.workspace();
    expect(
      (await h.call('DELETE', `/v1/workspaces/${other.id}/api-keys/${second.id}`, ADMIN_KEY)).status,
    ).toBe(404);
  });
});
