import { randomUUID } from 'node:crypto';
import { ERROR_CODES } from '@app/contracts';
import { ADMIN_KEY, ApiHarness } from '../testing/api-harness';
import { DOCUMENTED_STATUSES } from '../testing/documented-statuses';

describe('error answers', () => {
  const h = ApiHarness.forSuite({ env: { API_BODY_LIMIT_BYTES: '4096' } });

  it("maps every AppError code a service answers to its HTTP status, keeping the service's message", async () => {
    const expected = DOCUMENTED_STATUSES;
    expect(Object.keys(expected).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const chatId = randomUUID();
      h.fakes.failures.set(chatId, code);
      const res = await h.call('GET', `/v1/chats/${chatId}`, h.ws.key);
      expect({ code, status: res.status }).toEqual({ code, status: expected[code] });
      expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'statusCode']);
      expect(res.body.statusCode).toBe(expected[code]);
      if (code === 'internal')
        expect(res.body.message).toMatch(/^Internal error \(error id [0-9a-f-]{36}\)\.$/);
      else expect(res.body.message).toBe(`Forced ${code} for this chat.`);
    }
  });

  it('answers 503 when no service answers', async () => {
    const lonely = await ApiHarness.start({ fakes: false });
    try {
      const res = await lonely.call('POST', '/v1/workspaces', ADMIN_KEY, { name: 'Nobody home' });
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringMatching(/not running|did not answer/),
      });
    } finally {
      await lonely.stop();
    }
  });

  it('names an unknown field, a bad UUID, a bad query value and an unknown query parameter', async () => {
    const unknown = await h.call('POST', '/v1/members', h.ws.key, {
      firstName: 'Ana',
      favouriteColour: 'blue',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/favouriteColour/);
    const badId = await h.call('GET', '/v1/members/not-a-uuid', h.ws.key);
    expect(badId).toMatchObject({
      status: 400,
      body: { error: 'Bad Request', message: expect.stringMatching(/id: must be a UUID/) },
    });
    const badLimit = await h.call('GET', '/v1/members?limit=5000', h.ws.key);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.message).toMatch(/limit/);
    const badQuery = await h.call('GET', '/v1/chats?sort=asc', h.ws.key);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.message).toMatch(/sort/);
    const badChannel = await h.call('GET', '/v1/chats?channel=fax', h.ws.key);
    expect(badChannel.body.message).toMatch(/channel/);
    const wrongType = await h.call('PATCH', `/v1/members/${randomUUID()}`, h.ws.key, {
      notifyWhatsapp: 'yes',
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/notifyWhatsapp/);
  });

  it("passes a service's validation of a phone number through as a 400 naming the field", async () => {
    const number = await h.call('POST', `/v1/workspaces/${h.ws.id}/phone-numbers`, ADMIN_KEY, {
      number: '555-1234',
    });
    expect(number.status).toBe(400);
    expect(number.body.message).toMatch(/^number: must be an E.164/);
    const member = await h.call('POST', '/v1/members', h.ws.key, { phone: 'not a phone' });
    expect(member.status).toBe(400);
    expect(member.body.message).toMatch(/phone/);
  });

  it('answers 422 for a rule the request breaks and 409 for a conflict', async () => {
    const refused = await h.call('POST', `/v1/workspaces/${h.ws.id}/phone-numbers`, ADMIN_KEY, {
      number: '+15550001111',
      whatsappEnabled: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      error: 'Unprocessable Entity',
      message: expect.stringMatching(/WhatsApp feature/),
    });
    await h.ok('POST', `/v1/workspaces/${h.ws.id}/phone-numbers`, ADMIN_KEY, { number: '+15550002222' });
    expect(
      (await h.call('POST', `/v1/workspaces/${h.ws.id}/phone-numbers`, ADMIN_KEY, { number: '+15550002222' }))
        .status,
    ).toBe(409);
  });

  it('answers malformed JSON with 400, an oversized body with 413, an unknown media type with 415', async () => {
    const malformed = await h.call('POST', '/v1/members', h.ws.key, '{"firstName":', {
      'content-type': 'application/json',
    });
    expect(malformed).toMatchObject({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/not valid JSON/) },
    });
    const huge = await h.call('POST', '/v1/members', h.ws.key, { firstName: 'x'.repeat(10_000) });
    expect(huge).toMatchObject({ status: 413, body: { statusCode: 413, error: 'Payload Too Large' } });
    const xml = await h.call('POST', '/v1/members', h.ws.key, '<member/>', {
      'content-type': 'application/xml',
    });
    expect(xml).toMatchObject({ status: 415, body: { statusCode: 415, error: 'Unsupported Media Type' } });
    const yamlElsewhere = await h.call('POST', '/v1/members', h.ws.key, 'firstName: Ana', {
      'content-type': 'application/yaml',
    });
    expect(yamlElsewhere.status).toBe(415);
  });

  it('answers an unknown route with the same error shape', async () => {
    const res = await h.call('GET', '/v1/nothing-here', h.ws.key);
    expect(res).toMatchObject({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: expect.any(String) },
    });
  });
});
