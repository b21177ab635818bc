import { ApiHarness } from '../testing/api-harness';

const FLOOR = [
  'post /v1/workspaces',
  'get /v1/workspace',
  'get /v1/workspaces/{id}',
  'put /v1/workspaces/{id}/features/{feature}',
  'delete /v1/workspaces/{id}/features/{feature}',
  'post /v1/workspaces/{workspaceId}/api-keys',
  'get /v1/workspaces/{workspaceId}/api-keys',
  'delete /v1/workspaces/{workspaceId}/api-keys/{keyId}',
  'post /v1/phone-numbers',
  'get /v1/phone-numbers',
  'get /v1/phone-numbers/{id}',
  'patch /v1/phone-numbers/{id}',
  'delete /v1/phone-numbers/{id}',
  'post /v1/members',
  'get /v1/members',
  'get /v1/members/{id}',
  'patch /v1/members/{id}',
  'get /v1/members/{id}/preference-changes',
  'get /v1/members/{id}/windows',
  'post /v1/workflows',
  'get /v1/workflows',
  'get /v1/workflows/{id}',
  'put /v1/workflows/{id}',
  'get /v1/chats',
  'get /v1/chats/{id}',
  'get /v1/chats/{id}/messages',
  'post /v1/messages',
  'get /v1/messages/{id}',
  'post /v1/event-rules',
  'get /v1/event-rules',
  'get /v1/event-rules/{id}',
  'get /v1/event-rules/{id}/runs',
  'post /v1/events',
  'post /v1/routines',
  'get /v1/routines/{id}',
  'post /v1/routines/{id}/run',
];

type Operation = {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, unknown> };
};

describe('OpenAPI docs', () => {
  let h: ApiHarness;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };

  beforeAll(async () => {
    h = await ApiHarness.start();
    const res = await h.call('GET', '/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => h?.stop());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method} ${path}`, path, method, op })),
    );

  it('lists exactly the routes of the REST floor, each with its auth and the error shape', () => {
    expect(
      operations()
        .map((o) => o.key)
        .sort(),
    ).toEqual([...FLOOR].sort());
    for (const { key, op } of operations()) {
      const scheme = key.includes('/v1/workspaces') ? 'operatorKey' : 'workspaceKey';
      expect({ key, security: op.security }).toEqual({ key, security: [{ [scheme]: [] }] });
      expect({ key, has401: '401' in op.responses, has503: '503' in op.responses }).toEqual({
        key,
        has401: true,
        has503: true,
      });
    }
    expect(doc.components.securitySchemes).toHaveProperty('operatorKey');
    expect(doc.components.schemas.Error).toMatchObject({
      properties: { statusCode: expect.anything(), error: expect.anything(), message: expect.anything() },
    });
    expect(doc.components.schemas.Member).toMatchObject({
      properties: { notifyWhatsapp: { type: 'boolean' } },
    });
    expect(Object.keys(doc.paths['/v1/workflows'].post.requestBody?.content ?? {})).toEqual(
      expect.arrayContaining(['application/json', 'application/yaml']),
    );
  });

  it('guards every documented route: no key is a 401 on each', async () => {
    for (const { key, path, method } of operations()) {
      const concrete = path
        .replace('{feature}', 'whatsapp')
        .replace(/\{[^}]+\}/g, '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b');
      const res = await h.call(method.toUpperCase(), concrete);
      expect({ key, status: res.status }).toEqual({ key, status: 401 });
    }
  });

  it('serves the Swagger UI page and its assets', async () => {
    const page = await h.call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.body).toContain('/docs/openapi.json');
    const bundle = await fetch(`${h.api.url}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await h.call('GET', '/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('leaves health and metrics outside the key guard and the document', async () => {
    expect((await h.call('GET', '/health/ready')).status).toBe(200);
    expect((await h.call('GET', '/metrics')).status).toBe(200);
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/v1/'))).toBe(true);
  });
});
