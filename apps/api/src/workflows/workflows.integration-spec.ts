import { ApiHarness } from '../testing/api-harness';

const YAML_DOC = `
name: Front desk
definition:
  - if: chat.channel == "whatsapp"
    then:
      - reply: "Hi {{member.first_name}}, WhatsApp here"
    else:
      - reply: "Hi by SMS"
  - agent:
      instructions: Answer briefly.
      abilities: [send_whatsapp_message]
`;

describe('workflows', () => {
  const h = ApiHarness.forSuite();

  it('saves a YAML body as the same steps a JSON body gives', async () => {
    for (const type of ['application/yaml', 'text/yaml']) {
      const res = await h.call('POST', '/v1/workflows', h.ws.key, YAML_DOC, { 'content-type': type });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: 'Front desk', version: 1 });
      expect(res.body.definition).toEqual([
        {
          if: 'chat.channel == "whatsapp"',
          then: [{ reply: 'Hi {{member.first_name}}, WhatsApp here' }],
          else: [{ reply: 'Hi by SMS' }],
        },
        { agent: { instructions: 'Answer briefly.', abilities: ['send_whatsapp_message'] } },
      ]);
    }
  });

  it('saves new versions with PUT, in JSON or YAML', async () => {
    const created = await h.ok('POST', '/v1/workflows', h.ws.key, {
      name: 'Desk',
      definition: [{ reply: 'v1' }],
    });
    const v2 = await h.ok('PUT', `/v1/workflows/${created.id}`, h.ws.key, {
      name: 'Desk',
      definition: [{ reply: 'v2' }],
    });
    expect(v2).toMatchObject({ id: created.id, version: 2, definition: [{ reply: 'v2' }] });
    const v3 = await h.ok(
      'PUT',
      `/v1/workflows/${created.id}`,
      h.ws.key,
      'name: Desk\ndefinition:\n  - reply: v3\n',
      { 'content-type': 'application/yaml' },
    );
    expect(v3).toMatchObject({ version: 3, definition: [{ reply: 'v3' }] });
    expect((await h.ok('GET', `/v1/workflows/${created.id}`, h.ws.key)).version).toBe(3);
    const versions = await h.ok('GET', `/v1/workflows/${created.id}/versions`, h.ws.key);
    expect(versions.items[0]).toMatchObject({ id: created.id, version: 3 });
    const other = await h.workspace();
    expect((await h.call('GET', `/v1/workflows/${created.id}/versions`, other.key)).status).toBe(404);
  });

  it('answers 400 for YAML that does not parse, and for a document with unknown or missing fields', async () => {
    const broken = await h.call('POST', '/v1/workflows', h.ws.key, 'name: [unclosed', {
      'content-type': 'application/yaml',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/YAML/);
    const extra = await h.call('POST', '/v1/workflows', h.ws.key, 'name: X\ndefinition: []\nowner: me\n', {
      'content-type': 'text/yaml',
    });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toMatch(/owner/);
    const missing = await h.call('POST', '/v1/workflows', h.ws.key, { definition: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/name/);
  });
});
