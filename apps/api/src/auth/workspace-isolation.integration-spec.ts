import { randomUUID } from 'node:crypto';
import { ADMIN_KEY, ApiHarness } from '../testing/api-harness';

const TEMPLATE = 'HX0123456789abcdef0123456789abcdef';
const phone = () => `+1555${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;

describe('workspace isolation', () => {
  const h = ApiHarness.forSuite({ workspace: false });
  let a: { id: string; key: string };
  let b: { id: string; key: string };

  beforeAll(async () => {
    [a, b] = await Promise.all([h.workspace({ whatsapp: true }), h.workspace({ whatsapp: true })]);
  });

  it('gives a key of one workspace 404 for every resource of another, and never lists them', async () => {
    const number = await h.ok('POST', `/v1/workspaces/${a.id}/phone-numbers`, ADMIN_KEY, {
      number: phone(),
      whatsappEnabled: true,
    });
    const member = await h.ok('POST', '/v1/members', a.key, {
      firstName: 'Ana',
      phone: phone(),
      notifyWhatsapp: true,
    });
    const workflow = await h.ok('POST', '/v1/workflows', a.key, {
      name: 'Desk',
      definition: [{ reply: 'hi' }],
    });
    const rule = await h.ok('POST', '/v1/event-rules', a.key, {
      event: 'form_submitted',
      action: { type: 'send_whatsapp', phoneNumberId: number.id, template: 'Hi {{member.first_name}}' },
    });
    const routine = await h.ok('POST', '/v1/routines', a.key, {
      name: 'Reminder',
      memberFilter: 'member.notify_whatsapp',
      action: { type: 'send_whatsapp', phoneNumberId: number.id, contentSid: TEMPLATE },
    });
    const send = await h.ok('POST', '/v1/messages', a.key, {
      phoneNumberId: number.id,
      memberId: member.id,
      channel: 'whatsapp',
      body: 'hello',
    });
    const chat = h.fakes.seedChat(a.id, member.id);

    const reads: Array<[string, string, unknown?]> = [
      ['GET', `/v1/phone-numbers/${number.id}`],
      ['PATCH', `/v1/phone-numbers/${number.id}`, { brandName: 'Mine now' }],
      ['DELETE', `/v1/phone-numbers/${number.id}`],
      ['GET', `/v1/members/${member.id}`],
      ['PATCH', `/v1/members/${member.id}`, { notifySms: false }],
      ['GET', `/v1/members/${member.id}/preference-changes`],
      ['GET', `/v1/members/${member.id}/windows`],
      ['GET', `/v1/workflows/${workflow.id}`],
      ['PUT', `/v1/workflows/${workflow.id}`, { name: 'Mine', definition: [] }],
      ['GET', `/v1/event-rules/${rule.id}`],
      ['GET', `/v1/event-rules/${rule.id}/runs`],
      ['GET', `/v1/routines/${routine.id}`],
      ['POST', `/v1/routines/${routine.id}/run`],
      ['GET', `/v1/messages/${send.id}`],
      ['GET', `/v1/chats/${chat.id}`],
      ['GET', `/v1/chats/${chat.id}/messages`],
      [
        'POST',
        '/v1/messages',
        { phoneNumberId: number.id, memberId: member.id, channel: 'whatsapp', contentSid: TEMPLATE },
      ],
      ['POST', '/v1/events', { type: 'form_submitted', memberId: member.id }],
    ];
    for (const [method, path, body] of reads) {
      const res = await h.call(method, path, b.key, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      // The owner still sees it (the 404 is isolation, not a broken route).
      if (method === 'GET')
        expect({ path, status: (await h.call(method, path, a.key)).status }).toEqual({ path, status: 200 });
    }
    expect((await h.ok('GET', `/v1/phone-numbers/${number.id}`, a.key)).brandName).toBeNull();

    for (const list of [
      '/v1/phone-numbers',
      '/v1/members',
      '/v1/workflows',
      '/v1/event-rules',
      '/v1/chats',
    ]) {
      expect({ list, items: (await h.ok('GET', list, b.key)).items }).toEqual({ list, items: [] });
      expect((await h.ok('GET', list, a.key)).items.length).toBeGreaterThan(0);
    }
  });

  it("passes the key's workspace to the services and refuses a workspace the client names", async () => {
    const before = h.fakes.requests.length;
    await h.ok('GET', '/v1/members', b.key);
    await h.call('GET', `/v1/chats/${randomUUID()}`, b.key);
    const asked = h.fakes.requests.slice(before);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    for (const r of asked) expect(r.payload.workspaceId).toBe(b.id);

    const inBody = await h.call('POST', '/v1/members', b.key, { firstName: 'Eve', workspaceId: a.id });
    expect(inBody.status).toBe(400);
    expect(inBody.body.message).toMatch(/workspaceId/);
    const inQuery = await h.call('GET', `/v1/members?workspaceId=${a.id}`, b.key);
    expect(inQuery.status).toBe(400);
    expect(inQuery.body.message).toMatch(/workspaceId/);
    expect([...h.fakes.members.values()].filter((m) => m.firstName === 'Eve')).toHaveLength(0);
  });

  it('audits member changes made through the API with the key that made them', async () => {
    const before = h.fakes.requests.length;
    await h.ok('POST', '/v1/members', b.key, { firstName: 'Bo' });
    const create = h.fakes.requests.slice(before).find((r) => r.subject.endsWith('member.create'));
    expect(create?.payload.source).toEqual({
      type: 'api',
      ref: expect.stringMatching(/^api-key:[0-9a-f-]{36}$/),
    });
  });
});
