import { ApiHarness } from '../testing/api-harness';

describe('/v1/members attributes', () => {
  const h = ApiHarness.forSuite();

  it('takes attributes on create and merges them on PATCH', async () => {
    const created = await h.call('POST', '/v1/members', h.ws.key, {
      firstName: 'Dana',
      attributes: { appointment_at: '2026-12-01T10:00:00Z', clinic: 'Harbor Street' },
    });
    expect(created.status).toBe(201);
    expect(created.body.attributes).toEqual({
      appointment_at: '2026-12-01T10:00:00Z',
      clinic: 'Harbor Street',
    });
    const patched = await h.ok('PATCH', `/v1/members/${created.body.id}`, h.ws.key, {
      attributes: { clinic: null, appointment_at: '2026-12-04T09:30:00Z' },
    });
    expect(patched.attributes).toEqual({ appointment_at: '2026-12-04T09:30:00Z' });
  });

  it('refuses attributes that are not an object of identifier keys, with a 400 naming the problem', async () => {
    for (const attributes of [['a'], 'text', { 'appointment at': 'x' }]) {
      const res = await h.call('POST', '/v1/members', h.ws.key, { firstName: 'Eve', attributes });
      expect({ attributes, status: res.status }).toEqual({ attributes, status: 400 });
      expect(res.body.message).toMatch(/attributes/);
    }
  });

  it('sets and clears optedOut on PATCH, passing it to preferences with the api source; a non-boolean is a 400', async () => {
    const created = await h.ok('POST', '/v1/members', h.ws.key, { firstName: 'Robin' });
    const out = await h.ok('PATCH', `/v1/members/${created.id}`, h.ws.key, { optedOut: true });
    expect(out.optedOut).toBe(true);
    const back = await h.ok('PATCH', `/v1/members/${created.id}`, h.ws.key, { optedOut: false });
    expect(back.optedOut).toBe(false);
    const bad = await h.call('PATCH', `/v1/members/${created.id}`, h.ws.key, { optedOut: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/optedOut/);
  });
});
