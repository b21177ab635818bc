import { useEmulatedAccount } from './testing/emulated-account';
import { control, waitUntil } from './testing/harness';

const ACCOUNT_SID = 'AC' + 'abcdef0123456789'.repeat(2);
const AUTH_TOKEN = 'whatsapp-auth-token';
const NUMBER = '+15550000100';
const HOUR = 3_600_000;
const TEMPLATE = 'HX' + '0123456789abcdef'.repeat(2);

interface InboundAnswer {
  messageSid: string;
  status: number;
  body: string;
}

describe('twilio-emulator: WhatsApp rules and the inbound phone', () => {
  const account = useEmulatedAccount(ACCOUNT_SID, AUTH_TOKEN, {
    statusDelayMs: 1,
    inbound: true,
    resetEach: true,
  });

  beforeEach(async () => {
    account.app.respondWith(200, '<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });

  const statusCallback = () => `${account.app.url}/twilio/status`;
  const finalCallback = (sid: string) =>
    waitUntil(
      () =>
        account.app.requests.find(
          (request) =>
            request.params.MessageSid === sid &&
            ['delivered', 'failed', 'undelivered'].includes(String(request.params.MessageStatus)),
        ),
      { what: `final status callback of ${sid}` },
    );

  // Our WhatsApp message to a phone, its status reported to the application.
  const sendWhatsapp = (phone: string, message: { body: string } | { contentSid: string }) =>
    account.client.messages.create({
      to: `whatsapp:${phone}`,
      from: `whatsapp:${NUMBER}`,
      ...message,
      statusCallback: statusCallback(),
    });
  // A phone writes to a number: the emulator posts the webhook and tells the application's answer.
  const postInbound = (message: Record<string, unknown>) =>
    control<InboundAnswer>(account.emulator.url, 'POST', '/emulator/inbound', message);

  it('accepts a free-form WhatsApp message outside the 24-hour window, then fails it with 63016', async () => {
    const phone = '+15550000001';
    const window = await control(account.emulator.url, 'POST', '/emulator/window', {
      number: `whatsapp:${NUMBER}`,
      phone,
      lastInboundAt: Date.now() - 25 * HOUR,
    });
    expect(window.status).toBe(200);

    const message = await sendWhatsapp(phone, { body: 'Are you there?' });
    expect(message.status).toBe('queued');
    expect(message.to).toBe(`whatsapp:${phone}`);

    const failed = await finalCallback(message.sid);
    expect(failed.signatureValid).toBe(true);
    expect(failed.params).toMatchObject({
      MessageStatus: 'failed',
      ErrorCode: '63016',
      ChannelPrefix: 'whatsapp',
      To: `whatsapp:${phone}`,
    });
    const fetched = await account.client.messages(message.sid).fetch();
    expect(fetched).toMatchObject({ status: 'failed', errorCode: 63016 });
    expect(fetched.errorMessage).toContain('outside the allowed window');

    const template = await account.client.messages.create({
      to: `whatsapp:${phone}`,
      from: `whatsapp:${NUMBER}`,
      contentSid: TEMPLATE,
      contentVariables: JSON.stringify({ 1: 'Ada' }),
      statusCallback: statusCallback(),
    });
    expect((await finalCallback(template.sid)).params.MessageStatus).toBe('delivered');
    const recorded = await control<{ contentSid: string; contentVariables: unknown }>(
      account.emulator.url,
      'GET',
      `/emulator/messages/${template.sid}`,
    );
    expect(recorded.body).toMatchObject({ contentSid: TEMPLATE, contentVariables: { 1: 'Ada' } });
  });

  it('delivers free-form text inside the window opened by an inbound message', async () => {
    const phone = '+15550000002';
    const inbound = await postInbound({
      from: phone,
      to: NUMBER,
      body: 'Hi!',
      channel: 'whatsapp',
    });
    expect(inbound.status).toBe(200);
    const message = await sendWhatsapp(phone, { body: 'Hello back' });
    expect((await finalCallback(message.sid)).params.MessageStatus).toBe('delivered');
  });

  it('keeps a sandbox number to phones that sent its join code (63015 before, delivered after)', async () => {
    const phone = '+15550000003';
    await control(account.emulator.url, 'POST', '/emulator/sandbox', {
      number: NUMBER,
      joinCode: 'join happy-otter',
    });
    const before = await sendWhatsapp(phone, { contentSid: TEMPLATE });
    expect((await finalCallback(before.sid)).params).toMatchObject({
      MessageStatus: 'failed',
      ErrorCode: '63015',
    });

    const join = await postInbound({
      from: `whatsapp:${phone}`,
      to: `whatsapp:${NUMBER}`,
      body: 'join Happy-Otter',
    });
    expect(join.body.status).toBe(200);
    expect(
      account.app.requests.find((request) => request.params.MessageSid === join.body.messageSid)?.params.Body,
    ).toBe('join Happy-Otter');

    const after = await sendWhatsapp(phone, { body: 'Welcome to the sandbox' });
    expect((await finalCallback(after.sid)).params.MessageStatus).toBe('delivered');
  });

  it('posts a signed inbound WhatsApp webhook with Twilio parameters and returns the webhook answer', async () => {
    account.app.respondWith(200, '<Response><Message>Thanks</Message></Response>');
    const answer = await postInbound({
      from: '+447700900123',
      to: NUMBER,
      body: 'Photo attached',
      channel: 'whatsapp',
      profileName: 'Ada',
      media: [{ url: 'https://media.example/cat.jpg', contentType: 'image/jpeg' }],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 200,
      body: '<Response><Message>Thanks</Message></Response>',
    });
    expect(answer.body.messageSid).toMatch(/^MM[0-9a-f]{32}$/);

    const received = await waitUntil(() =>
      account.app.requests.find((request) => request.params.MessageSid === answer.body.messageSid),
    );
    expect(received.path).toBe('/twilio/messaging');
    expect(received.signatureValid).toBe(true);
    expect(received.headers['user-agent']).toBe('TwilioProxy/1.1');
    expect(received.params).toMatchObject({
      AccountSid: ACCOUNT_SID,
      From: 'whatsapp:+447700900123',
      To: `whatsapp:${NUMBER}`,
      Body: 'Photo attached',
      NumMedia: '1',
      MediaUrl0: 'https://media.example/cat.jpg',
      MediaContentType0: 'image/jpeg',
      ProfileName: 'Ada',
      WaId: '447700900123',
      SmsMessageSid: answer.body.messageSid,
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    });
  });

  it('replays an inbound SMS with the same MessageSid, to a chosen webhook, passing its status through', async () => {
    account.app.respondWith(503, 'busy', 'text/plain');
    const messageSid = 'SM' + 'feedface'.repeat(4);
    const request = {
      from: '+15550000005',
      to: NUMBER,
      body: 'STOP',
      channel: 'sms',
      messageSid,
      webhookUrl: `${account.app.url}/other/hook?x=1`,
    };
    const first = await postInbound(request);
    expect(first.body).toMatchObject({ messageSid, status: 503, body: 'busy' });
    account.app.respondWith(200, '<Response/>');
    const second = await postInbound(request);
    expect(second.body).toMatchObject({ messageSid, status: 200 });

    const deliveries = account.app.requests.filter((received) => received.params.MessageSid === messageSid);
    expect(deliveries).toHaveLength(2);
    expect(deliveries.every((received) => received.signatureValid && received.path === '/other/hook')).toBe(
      true,
    );
    expect(deliveries[0].params).toMatchObject({
      From: '+15550000005',
      To: NUMBER,
      Body: 'STOP',
      SmsSid: messageSid,
    });
    expect(deliveries[0].params.WaId).toBeUndefined();
  });

  it('answers 502 naming the webhook when it cannot be reached, and 400 for a bad request', async () => {
    const unreachable = await control<{ message: string; messageSid: string }>(
      account.emulator.url,
      'POST',
      '/emulator/inbound',
      {
        from: '+15550000006',
        to: NUMBER,
        body: 'hi',
        webhookUrl: 'http://127.0.0.1:1/twilio/messaging',
      },
    );
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.message).toContain('http://127.0.0.1:1/twilio/messaging');
    expect(unreachable.body.messageSid).toMatch(/^SM/);

    const bad = await control<{ message: string }>(account.emulator.url, 'POST', '/emulator/inbound', {
      from: 'nope',
      to: NUMBER,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('from');
  });

  it('forgets windows and sandboxes on reset', async () => {
    const phone = '+15550000007';
    await control(account.emulator.url, 'POST', '/emulator/window', {
      number: NUMBER,
      phone,
      lastInboundAt: new Date().toISOString(),
    });
    await control(account.emulator.url, 'POST', '/emulator/reset');
    const message = await sendWhatsapp(phone, { body: 'x' });
    expect((await finalCallback(message.sid)).params.ErrorCode).toBe('63016');
  });
});
