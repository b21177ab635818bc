import { ApiHarness } from '../testing/api-harness';

const FLOOR = [
  'post /v1/workspaces',
  'get /v1/workspace',
  'get /v1/workspaces/{id}',
  'patch /v1/workspaces/{id}',
  'post /v1/workspaces/{id}/phone-numbers',
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
  'delete /v1/members/{id}',
  'get /v1/members/{id}/preference-changes',
  'get /v1/members/{id}/windows',
  'post /v1/workflows',
  'get /v1/workflows',
  'get /v1/workflows/{id}',
  'put /v1/workflows/{id}',
  'get /v1/workflows/{id}/versions',
  'get /v1/chats',
  'get /v1/chats/{id}',
  'get /v1/chats/{id}/messages',
  'post /v1/chats/{id}/messages',
  'post /v1/chats/{id}/takeover',
  'post /v1/chats/{id}/handback',
  'post /v1/chats/{id}/read',
  'post /v1/chats/{id}/assign',
  'get /v1/stream',
  'post /v1/chats/{id}/close',
  'post /v1/messages',
  'get /v1/messages/{id}',
  'post /v1/event-rules',
  'get /v1/event-rules',
  'get /v1/event-rules/{id}',
  'get /v1/event-rules/{id}/runs',
  'patch /v1/event-rules/{id}',
  'delete /v1/event-rules/{id}',
  'post /v1/events',
  'get /v1/events',
  'delete /v1/events/{id}',
  'post /v1/routines',
  'get /v1/routines/{id}',
  'post /v1/routines/{id}/run',
  'get /v1/routines',
  'patch /v1/routines/{id}',
  'delete /v1/routines/{id}',
  'post /v1/routines/{id}/cancel',
  'get /v1/routines/{id}/runs/{runId}/results',
  'post /v1/webhooks',
  'get /v1/webhooks',
  'get /v1/webhooks/{id}',
  'patch /v1/webhooks/{id}',
  'delete /v1/webhooks/{id}',
  'get /v1/webhooks/{id}/deliveries',
  // people: users, sessions (the console), and what the console lists
  'get /v1/workspaces',
  'post /v1/users',
  'get /v1/users',
  'get /v1/users/{id}',
  'patch /v1/users/{id}',
  'delete /v1/users/{id}',
  'post /v1/sessions',
  'get /v1/sessions',
  'get /v1/sessions/current',
  'delete /v1/sessions/current',
  'delete /v1/sessions/{id}',
  'post /v1/sessions/current/password',
  // why nothing happened: the workspace's feed, and messages to numbers no workspace has (operator)
  'get /v1/diagnostics',
  'get /v1/diagnostics/unassigned',
];

/** Who may call each route, as its OpenAPI security requirements (any one of them). */
function expectedSecurity(method: string, path: string): Array<Record<string, string[]>> {
  if (method === 'post' && path === '/v1/sessions') return [];
  if (path.startsWith('/v1/sessions')) return [{ session: [] }];
  if (
    path.startsWith('/v1/workspaces') ||
    path.startsWith('/v1/users') ||
    path === '/v1/diagnostics/unassigned'
  )
    return [{ operatorKey: [] }, { session: [] }];
  return [{ workspaceKey: [] }, { session: [] }];
}

type Operation = {
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; schema?: { example?: unknown } }>;
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, unknown> };
};

describe('OpenAPI docs', () => {
  const h = ApiHarness.forSuite({ workspace: false });
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };

  beforeAll(async () => {
    const res = await h.call('GET', '/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });

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
    for (const { key, op, method, path } of operations()) {
      expect({ key, security: op.security }).toEqual({ key, security: expectedSecurity(method, path) });
      const statuses = ['401', '429', '503'].filter((s) => s in op.responses);
      expect({ key, statuses }).toEqual({ key, statuses: ['401', '429', '503'] });
    }
    expect(doc.components.securitySchemes).toHaveProperty('operatorKey');
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'ta_session' },
    });
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

  it('gives every new request body an example', () => {
    for (const [key, schema] of [
      ['post /v1/users', doc.paths['/v1/users'].post],
      ['patch /v1/users/{id}', doc.paths['/v1/users/{id}'].patch],
      ['post /v1/sessions', doc.paths['/v1/sessions'].post],
      ['post /v1/sessions/current/password', doc.paths['/v1/sessions/current/password'].post],
      ['post /v1/members', doc.paths['/v1/members'].post],
      ['patch /v1/members/{id}', doc.paths['/v1/members/{id}'].patch],
      ['patch /v1/event-rules/{id}', doc.paths['/v1/event-rules/{id}'].patch],
      ['patch /v1/routines/{id}', doc.paths['/v1/routines/{id}'].patch],
      ['post /v1/chats/{id}/assign', doc.paths['/v1/chats/{id}/assign'].post],
      ['post /v1/chats/{id}/messages', doc.paths['/v1/chats/{id}/messages'].post],
      ['post /v1/events', doc.paths['/v1/events'].post],
    ] as const) {
      const body = schema.requestBody?.content['application/json'] as { schema?: { example?: unknown } };
      expect({ key, example: body?.schema?.example }).toEqual({ key, example: expect.any(Object) });
    }
    const stream = doc.paths['/v1/stream'].get.responses['200'] as {
      content: Record<string, { schema?: { example?: unknown } }>;
    };
    expect(stream.content['text/event-stream'].schema?.example).toMatchObject({ type: 'message.created' });
    // The queue's filter says how it is used.
    const waiting = doc.paths['/v1/chats'].get.parameters?.find((p) => p.name === 'waiting');
    expect(waiting?.schema?.example).toBe('true');
    for (const name of [
      'User',
      'CurrentSession',
      'SignedIn',
      'SessionList',
      'Chat',
      'ScheduledEvent',
      'EventAccepted',
      'Diagnostic',
    ])
      expect({ name, example: (doc.components.schemas[name] as { example?: unknown }).example }).toEqual({
        name,
        example: expect.any(Object),
      });
  });

  it('guards every documented route: no key is a 401 on each (signing in needs none)', async () => {
    for (const { key, path, method } of operations()) {
      if (key === 'post /v1/sessions') continue;
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
