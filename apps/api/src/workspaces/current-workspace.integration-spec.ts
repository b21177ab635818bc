import { ADMIN_KEY, ApiHarness } from '../testing/api-harness';

describe('GET /v1/workspace', () => {
  const h = ApiHarness.forSuite({ workspace: false });

  it("answers the calling key's own workspace with its features, and nothing of another", async () => {
    const [withWhatsapp, without] = await Promise.all([h.workspace({ whatsapp: true }), h.workspace()]);
    const a = await h.ok('GET', '/v1/workspace', withWhatsapp.key);
    const b = await h.ok('GET', '/v1/workspace', without.key);
    expect(a).toMatchObject({ id: withWhatsapp.id, name: 'Sunrise Dental', features: ['whatsapp'] });
    expect(b).toMatchObject({ id: without.id, features: [] });
  });

  it('is a workspace route: no key 401, the operator key 403', async () => {
    expect((await h.call('GET', '/v1/workspace')).status).toBe(401);
    expect((await h.call('GET', '/v1/workspace', ADMIN_KEY)).status).toBe(403);
  });
});
