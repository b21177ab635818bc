import { randomBytes, randomUUID } from 'node:crypto';
import { DeliveryStatusReceived, InboundMessageReceived } from '@app/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { Namespace, NatsConnectionService } from '@app/messaging';
import type { RunningService } from '@app/runtime';
import { NatsTestClient, serviceEnv, uniqueNamespace } from '@app/testing';
import { computeTwilioSignature } from '@app/twilio';
import { startIngress } from '../start';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const TOKEN = 'ingress-test-token-0123456789';
const EXTRA_ACCOUNT = `AC${'2'.repeat(32)}`;
const EXTRA_TOKEN = 'ingress-extra-token-987654321';
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const PUBLIC_BASE = 'https://hooks.example.com/edge';

const ns = uniqueNamespace();
const env = (extra: Record<string, string> = {}) =>
  serviceEnv(ns, 'ingress', {
    TWILIO_ACCOUNT_SID: ACCOUNT,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_EXTRA_ACCOUNTS: `${EXTRA_ACCOUNT}:${EXTRA_TOKEN}`,
    ...extra,
  });

const sid = (prefix = 'SM') => prefix + randomBytes(16).toString('hex');

function whatsappParams(overrides: Record<string, string> = {}): Record<string, string> {
  const messageSid = sid();
  return {
    SmsMessageSid: messageSid,
    NumMedia: '0',
    ProfileName: 'Alex',
    SmsSid: messageSid,
    WaId: '15551230001',
    SmsStatus: 'received',
    Body: 'Is Tuesday ok?',
    To: 'whatsapp:+15557650001',
    NumSegments: '1',
    MessageSid: messageSid,
    AccountSid: ACCOUNT,
    From: 'whatsapp:+15551230001',
    ApiVersion: '2010-04-01',
    ...overrides,
  };
}

interface PostOptions {
  /** The URL the signature is computed over (default: the URL posted to). */
  signedUrl?: string;
  token?: string | null;
  headers?: Record<string, string>;
  query?: string;
}

describe('ingress webhooks', () => {
  let ingress: RunningService;
  let nats: NatsTestClient;

  beforeAll(async () => {
    [ingress, nats] = await Promise.all([startIngress(env()), NatsTestClient.connect(ns)]);
  });
  afterAll(async () => {
    await ingress?.close();
    await nats?.close();
  });

  async function post(
    service: RunningService,
    path: string,
    params: Record<string, string>,
    options: PostOptions = {},
  ) {
    const url = `${service.url}${path}${options.query ?? ''}`;
    const token = options.token === undefined ? TOKEN : options.token;
    const signature: Record<string, string> =
      token === null
        ? {}
        : { 'x-twilio-signature': computeTwilioSignature(token, options.signedUrl ?? url, params) };
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        ...signature,
        ...options.headers,
      },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
  }

  it('stores a signed WhatsApp webhook once, with Nats-Msg-Id = MessageSid, however often Twilio retries it', async () => {
    const params = whatsappParams({
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/m/1',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/m/2',
      MediaContentType1: 'application/pdf',
    });
    for (let i = 0; i < 3; i++) {
      const res = await post(ingress, '/twilio/messaging', params);
      expect(res).toEqual({
        status: 200,
        contentType: expect.stringContaining('text/xml'),
        body: EMPTY_TWIML,
      });
    }
    const mine = (await nats.stored(InboundMessageReceived)).filter(
      (m) => m.event.messageSid === params.MessageSid,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0].msgId).toBe(params.MessageSid);
    expect(mine[0].event).toMatchObject({
      accountSid: ACCOUNT,
      from: 'whatsapp:+15551230001',
      to: 'whatsapp:+15557650001',
      body: 'Is Tuesday ok?',
      profileName: 'Alex',
      media: [
        { url: 'https://api.twilio.com/m/1', contentType: 'image/jpeg' },
        { url: 'https://api.twilio.com/m/2', contentType: 'application/pdf' },
      ],
    });
    expect(mine[0].event.params.WaId).toBe('15551230001');
  });

  it('accepts a subaccount listed in TWILIO_EXTRA_ACCOUNTS, signed with its own token', async () => {
    const params = whatsappParams({ AccountSid: EXTRA_ACCOUNT, From: '+15551230002', To: '+15557650001' });
    expect((await post(ingress, '/twilio/messaging', params, { token: EXTRA_TOKEN })).status).toBe(200);
    // The main account's token does not sign for the subaccount.
    expect(
      (await post(ingress, '/twilio/messaging', { ...params, MessageSid: sid() }, { token: TOKEN })).status,
    ).toBe(403);
    const mine = (await nats.stored(InboundMessageReceived)).filter(
      (m) => m.event.accountSid === EXTRA_ACCOUNT,
    );
    expect(mine.map((m) => m.event.messageSid)).toEqual([params.MessageSid]);
  });

  it.each([
    ['a wrong signature', { token: 'not-the-token' }, {}],
    ['no signature', { token: null }, {}],
    ['an unknown account', {}, { AccountSid: `AC${'9'.repeat(32)}` }],
    [
      'a signature over other parameters',
      {
        headers: {
          'x-twilio-signature': computeTwilioSignature(TOKEN, 'http://x/twilio/messaging', { Body: 'x' }),
        },
      },
      {},
    ],
  ] as Array<[string, PostOptions, Record<string, string>]>)(
    'refuses %s with 403 and stores nothing',
    async (_case, options, overrides) => {
      const params = whatsappParams(overrides);
      const res = await post(ingress, '/twilio/messaging', params, options);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: expect.any(String),
      });
      expect(
        (await nats.stored(InboundMessageReceived)).filter((m) => m.event.messageSid === params.MessageSid),
      ).toHaveLength(0);
    },
  );

  it('refuses malformed and oversized bodies with 4xx', async () => {
    const json = await fetch(`${ingress.url}/twilio/messaging`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(whatsappParams()),
    });
    expect(json.status).toBe(400);
    const xml = await fetch(`${ingress.url}/twilio/messaging`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<x/>',
    });
    expect(xml.status).toBe(400);
    const { MessageSid: _dropped, ...withoutSid } = whatsappParams();
    const missing = await post(ingress, '/twilio/messaging', withoutSid);
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body).message).toContain('MessageSid');
    const badMedia = await post(ingress, '/twilio/messaging', whatsappParams({ NumMedia: '1' }));
    expect(badMedia.status).toBe(400);
    const huge = await post(ingress, '/twilio/messaging', whatsappParams({ Body: 'x'.repeat(70 * 1024) }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ statusCode: 413 });
  });

  it('publishes status callbacks with the sendId of the callback URL, once per status', async () => {
    const messageSid = sid();
    const sendId = randomUUID();
    const base = {
      AccountSid: ACCOUNT,
      MessageSid: messageSid,
      SmsSid: messageSid,
      From: 'whatsapp:+15557650001',
      To: 'whatsapp:+15551230001',
      ApiVersion: '2010-04-01',
    };
    const status = async (params: Record<string, string>) =>
      (await post(ingress, '/twilio/status', { ...base, ...params }, { query: `?sendId=${sendId}` })).status;
    // Twilio repeats a callback: the second `sent` is the same event.
    expect(await status({ MessageStatus: 'sent', SmsStatus: 'sent' })).toBe(200);
    expect(await status({ MessageStatus: 'sent', SmsStatus: 'sent' })).toBe(200);
    expect(
      await status({ MessageStatus: 'failed', ErrorCode: '63016', ErrorMessage: 'outside window' }),
    ).toBe(200);
    expect(await status({ MessageStatus: 'exploded' })).toBe(400);

    const mine = (await nats.stored(DeliveryStatusReceived)).filter((m) => m.event.messageSid === messageSid);
    expect(mine.map((m) => m.msgId)).toEqual([`${messageSid}:sent`, `${messageSid}:failed`]);
    expect(mine[1].event).toMatchObject({
      status: 'failed',
      errorCode: '63016',
      errorMessage: 'outside window',
      sendId,
    });
    expect(mine[0].event).toMatchObject({ errorCode: null, sendId });
  });

  describe('X-Forwarded-Proto/Host (PUBLIC_BASE_URL unset)', () => {
    const spoofed = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'attacker.example.org' };

    it('from an address that is not a trusted proxy, does not change the URL the signature is checked over', async () => {
      // Signed over the URL the attacker claims: refused, the headers are not believed.
      const claimed = whatsappParams();
      expect(
        (
          await post(ingress, '/twilio/messaging', claimed, {
            signedUrl: 'https://attacker.example.org/twilio/messaging',
            headers: spoofed,
          })
        ).status,
      ).toBe(403);
      // Signed over the URL really called: accepted, whatever the headers say.
      const real = whatsappParams();
      expect((await post(ingress, '/twilio/messaging', real, { headers: spoofed })).status).toBe(200);
      const ids = (await nats.stored(InboundMessageReceived)).map((m) => m.event.messageSid);
      expect(ids).toContain(real.MessageSid);
      expect(ids).not.toContain(claimed.MessageSid);
    });

    describe('from a trusted proxy (TRUSTED_PROXIES)', () => {
      let behindProxy: RunningService;
      beforeAll(async () => {
        behindProxy = await startIngress(env({ TRUSTED_PROXIES: '10.0.0.0/8,127.0.0.1' }));
      });
      afterAll(() => behindProxy?.close());

      it("checks the signature over the proxy's forwarded scheme and host", async () => {
        const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'public.example.org' };
        const params = whatsappParams();
        const res = await post(behindProxy, '/twilio/messaging', params, {
          signedUrl: 'https://public.example.org/twilio/messaging',
          headers,
        });
        expect(res.status).toBe(200);
        expect((await post(behindProxy, '/twilio/messaging', whatsappParams(), { headers })).status).toBe(
          403,
        );
      });
    });
  });

  describe('behind a proxy (PUBLIC_BASE_URL)', () => {
    let proxied: RunningService;
    beforeAll(async () => {
      proxied = await startIngress(env({ PUBLIC_BASE_URL: `${PUBLIC_BASE}/` }));
    });
    afterAll(() => proxied?.close());

    it('validates over PUBLIC_BASE_URL + path + query, not the local address', async () => {
      const good = whatsappParams();
      expect(
        (await post(proxied, '/twilio/messaging', good, { signedUrl: `${PUBLIC_BASE}/twilio/messaging` }))
          .status,
      ).toBe(200);
      const local = whatsappParams();
      expect((await post(proxied, '/twilio/messaging', local)).status).toBe(403);
      const status = {
        AccountSid: ACCOUNT,
        MessageSid: sid(),
        MessageStatus: 'delivered',
        From: '+15557650001',
        To: '+15551230001',
      };
      const query = `?sendId=${randomUUID()}`;
      expect(
        (
          await post(proxied, '/twilio/status', status, {
            query,
            signedUrl: `${PUBLIC_BASE}/twilio/status${query}`,
          })
        ).status,
      ).toBe(200);
      const ids = (await nats.stored(InboundMessageReceived)).map((m) => m.event.messageSid);
      expect(ids).toContain(good.MessageSid);
      expect(ids).not.toContain(local.MessageSid);
    });
  });

  it('keeps raw webhooks (phones, bodies) on INBOUND only INBOUND_RETENTION_HOURS', async () => {
    const own = uniqueNamespace();
    const service = await startIngress(
      serviceEnv(own, 'ingress', {
        TWILIO_ACCOUNT_SID: ACCOUNT,
        TWILIO_AUTH_TOKEN: TOKEN,
        INBOUND_RETENTION_HOURS: '6',
      }),
    );
    try {
      const jsm = await jetstreamManager(nats.nc);
      const stream = await jsm.streams.info(new Namespace(own).stream('INBOUND'));
      expect(stream.config.max_age).toBe(nanos(6 * 60 * 60 * 1000));
    } finally {
      await service.close();
    }
  });

  describe('when JetStream cannot store', () => {
    let cutOff: RunningService;
    beforeAll(async () => {
      cutOff = await startIngress(env());
      await cutOff.app.get(NatsConnectionService).nc.close();
    });
    afterAll(() => cutOff?.close());

    it('answers 503 so that Twilio retries, never 2xx', async () => {
      const params = whatsappParams();
      const res = await post(cutOff, '/twilio/messaging', params);
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body)).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      // Twilio's retry to a healthy replica is stored.
      expect((await post(ingress, '/twilio/messaging', params)).status).toBe(200);
    });
  });
});
