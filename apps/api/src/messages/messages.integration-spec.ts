import { ApiHarness } from '../testing/api-harness';

const TEMPLATE = 'HX0123456789abcdef0123456789abcdef';

describe('POST /v1/messages', () => {
  const h = ApiHarness.forSuite({ whatsapp: true });
  let numberId: string;

  beforeAll(async () => {
    numberId = await h.phoneNumber(h.ws, '+15557770001');
  });

  const member = (fields: Record<string, unknown> = {}) =>
    h.ok('POST', '/v1/members', h.ws.key, { firstName: 'Robin', ...fields });

  it("answers 202 with outbound's { id, status, reason }, as a system send", async () => {
    const m = await member();
    const res = await h.call('POST', '/v1/messages', h.ws.key, {
      phoneNumberId: numberId,
      memberId: m.id,
      channel: 'whatsapp',
      body: 'Your appointment is tomorrow',
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      id: expect.any(String),
      status: 'skipped',
      reason: 'Member has WhatsApp notifications disabled.',
    });
    const sent = h.fakes.requests.filter((r) => r.subject === 'rpc.outbound.send').at(-1)?.payload;
    expect(sent).toMatchObject({
      kind: 'system',
      workspaceId: h.ws.id,
      origin: { service: 'api' },
      idempotencyKey: expect.stringMatching(new RegExp(`^api:${h.ws.id}:`)),
    });
    const record = await h.ok('GET', `/v1/messages/${res.body.id}`, h.ws.key);
    expect(record).toMatchObject({
      id: res.body.id,
      status: 'skipped',
      channel: 'whatsapp',
      errorCode: null,
    });
  });

  it('sends once per Idempotency-Key (header or body) and a new message without one', async () => {
    const m = await member({ notifyWhatsapp: true });
    const message = {
      phoneNumberId: numberId,
      memberId: m.id,
      channel: 'whatsapp',
      contentSid: TEMPLATE,
      contentVariables: { '1': 'Tuesday' },
    };
    const first = await h.ok('POST', '/v1/messages', h.ws.key, message, { 'idempotency-key': 'reminder-42' });
    const retry = await h.ok('POST', '/v1/messages', h.ws.key, { ...message, idempotencyKey: 'reminder-42' });
    expect(retry.id).toBe(first.id);
    expect(first.status).toBe('pending');
    const other = await h.ok('POST', '/v1/messages', h.ws.key, message);
    expect(other.id).not.toBe(first.id);
    const disagree = await h.call(
      'POST',
      '/v1/messages',
      h.ws.key,
      { ...message, idempotencyKey: 'a' },
      { 'idempotency-key': 'b' },
    );
    expect(disagree.status).toBe(400);
  });

  it('names the problem with a body and a template together, or with neither member nor address', async () => {
    const both = await h.call('POST', '/v1/messages', h.ws.key, {
      phoneNumberId: numberId,
      to: '+15550001234',
      channel: 'sms',
      body: 'x',
      contentSid: TEMPLATE,
    });
    expect(both.status).toBe(400);
    expect(both.body.message).toMatch(/body: give either body \(and\/or mediaUrls\) or contentSid/);
    const httpMedia = await h.call('POST', '/v1/messages', h.ws.key, {
      phoneNumberId: numberId,
      to: '+15550001234',
      channel: 'sms',
      body: 'x',
      mediaUrls: ['http://cdn.example.com/a.jpg'],
    });
    expect(httpMedia.status).toBe(400);
    expect(httpMedia.body.message).toMatch(/mediaUrls\.0: media URL must be an https URL/);
    const nobody = await h.call('POST', '/v1/messages', h.ws.key, {
      phoneNumberId: numberId,
      channel: 'sms',
      body: 'x',
    });
    expect(nobody.body.message).toMatch(/memberId: give memberId or to/);
    const badTemplate = await h.call('POST', '/v1/messages', h.ws.key, {
      phoneNumberId: numberId,
      to: '+15550001234',
      channel: 'whatsapp',
      contentSid: 'HX1',
    });
    expect(badTemplate.body.message).toMatch(/contentSid/);
  });
});
