import { createTwilioClient } from '@app/twilio';
import twilio from 'twilio';
import { useEmulatedAccount } from './testing/emulated-account';
import type { MessageControlView } from './messages/message.model';
import { control, waitUntil } from './testing/harness';

const ACCOUNT_SID = 'AC' + '1234567890abcdef'.repeat(2);
const AUTH_TOKEN = 'integration-auth-token';
const FROM = '+15550000100';

describe('twilio-emulator: Messages API through the official client', () => {
  const account = useEmulatedAccount(ACCOUNT_SID, AUTH_TOKEN, { statusDelayMs: 2, resetEach: true });

  beforeEach(async () => {});

  const callbacksFor = (sid: string) =>
    account.app.requests.filter((request) => request.params.MessageSid === sid);

  it('creates an SMS with a Twilio-shaped answer, then posts signed queued → sent → delivered callbacks in order', async () => {
    const statusCallback = `${account.app.url}/twilio/status?tenant=a%20b`;
    const message = await account.client.messages.create({
      to: '+15550000001',
      from: FROM,
      body: 'Hello there',
      statusCallback,
    });

    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.status).toBe('queued');
    expect(message.accountSid).toBe(ACCOUNT_SID);
    expect(message.direction).toBe('outbound-api');
    expect(message.numSegments).toBe('1');
    expect(message.numMedia).toBe('0');
    expect(message.apiVersion).toBe('2010-04-01');
    expect(message.uri).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${message.sid}.json`);
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(Math.abs(message.dateCreated.getTime() - Date.now())).toBeLessThan(5000);
    expect(message.dateSent).toBeNull();
    expect(message.errorCode).toBeNull();

    const callbacks = await waitUntil(
      () => callbacksFor(message.sid).length >= 3 && callbacksFor(message.sid),
      {
        what: 'three status callbacks',
      },
    );
    expect(callbacks.map((request) => request.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered']);
    for (const callback of callbacks) {
      expect(callback.signatureValid).toBe(true);
      expect(callback.path).toBe('/twilio/status');
      expect(callback.headers['content-type']).toContain('application/x-www-form-urlencoded');
      expect(callback.params).toMatchObject({
        MessageSid: message.sid,
        SmsSid: message.sid,
        SmsStatus: callback.params.MessageStatus,
        AccountSid: ACCOUNT_SID,
        From: FROM,
        To: '+15550000001',
        ApiVersion: '2010-04-01',
      });
      expect(callback.params.ChannelPrefix).toBeUndefined();
    }
    // A signature over another URL must not validate: the emulator signs the exact callback URL.
    const sig = callbacks[0].headers['x-twilio-signature'] as string;
    expect(
      twilio.validateRequest(AUTH_TOKEN, sig, `${account.app.url}/twilio/status`, callbacks[0].params),
    ).toBe(false);

    const fetched = await account.client.messages(message.sid).fetch();
    expect(fetched.status).toBe('delivered');
    expect(fetched.dateSent).toBeInstanceOf(Date);
    expect(fetched.body).toBe('Hello there');

    const recorded = await control<MessageControlView>(
      account.emulator.url,
      'GET',
      `/emulator/messages/${message.sid}`,
    );
    expect(recorded.body.statusHistory.map((change) => change.status)).toEqual([
      'queued',
      'sent',
      'delivered',
    ]);
    expect(recorded.body.callbacks.map((attempt) => attempt.httpStatus)).toEqual([200, 200, 200]);
  });

  it('counts segments like Twilio', async () => {
    const message = await account.client.messages.create({
      to: '+15550000001',
      from: FROM,
      body: 'x'.repeat(161),
    });
    expect(message.numSegments).toBe('2');
  });

  it('lists messages newest first with filters and follows Twilio paging', async () => {
    for (let i = 0; i < 5; i++) {
      await account.client.messages.create({ to: '+15550000002', from: FROM, body: `m${i}` });
    }
    await account.client.messages.create({ to: '+15550000003', from: FROM, body: 'other' });

    const all = await account.client.messages.list({ to: '+15550000002', pageSize: 2 });
    expect(all.map((message) => message.body)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);

    const page = await account.client.messages.page({ to: '+15550000002', pageSize: 2 });
    expect(page.instances.map((message) => message.body)).toEqual(['m4', 'm3']);
    expect(page.nextPageUrl).toContain('PageToken=PA');
    const next = await page.nextPage();
    expect(next?.instances.map((message) => message.body)).toEqual(['m2', 'm1']);

    expect((await account.client.messages.list({ from: '+15559999999' })).length).toBe(0);
    const today = await account.client.messages.list({ dateSent: new Date() });
    expect(today.length).toBe(6);
  });

  it('refuses wrong credentials with 401 and code 20003', async () => {
    const wrong = createTwilioClient({
      accountSid: ACCOUNT_SID,
      authToken: 'not-the-token',
      apiBaseUrl: account.emulator.url,
    });
    const error = await wrong.messages
      .create({ to: '+15550000001', from: FROM, body: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({
      status: 401,
      code: 20003,
      moreInfo: 'https://www.twilio.com/docs/errors/20003',
    });

    const response = await fetch(`${account.emulator.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: 20003,
      message: 'Authentication Error - No credentials provided',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  it('answers validation errors with Twilio codes, and 404 with 20404', async () => {
    const noBody = await account.client.messages
      .create({ to: '+15550000001', from: FROM })
      .catch((caught: unknown) => caught);
    expect(noBody).toMatchObject({ status: 400, code: 21602 });
    const badTo = await account.client.messages
      .create({ to: '12', from: FROM, body: 'x' })
      .catch((caught: unknown) => caught);
    expect(badTo).toMatchObject({ status: 400, code: 21211 });

    const raw = await fetch(`${account.emulator.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ From: FROM, Body: 'x' }).toString(),
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ code: 21604, status: 400 });

    const missing = await account.client
      .messages('SM' + '0'.repeat(32))
      .fetch()
      .catch((caught: unknown) => caught);
    expect(missing).toMatchObject({ status: 404, code: 20404 });

    const listed = await control<{ count: number }>(account.emulator.url, 'GET', '/emulator/messages');
    expect(listed.body.count).toBe(0);
  });

  it('surfaces an injected 429 as a RestException with code 20429, without creating a message', async () => {
    const armed = await control(account.emulator.url, 'POST', '/emulator/faults', { status: 429, times: 1 });
    expect(armed.status).toBe(200);

    const error = await account.client.messages
      .create({ to: '+15550000001', from: FROM, body: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 429, code: 20429 });
    expect(
      (await control<{ count: number }>(account.emulator.url, 'GET', '/emulator/messages')).body.count,
    ).toBe(0);

    const ok = await account.client.messages.create({ to: '+15550000001', from: FROM, body: 'x' });
    expect(ok.status).toBe('queued');
  });

  it('limits a fault to one recipient and honours custom status and code', async () => {
    await control(account.emulator.url, 'POST', '/emulator/faults', {
      status: 503,
      code: 20503,
      message: 'down',
      times: 2,
      to: '+15550000009',
    });
    await expect(
      account.client.messages.create({ to: '+15550000001', from: FROM, body: 'x' }),
    ).resolves.toMatchObject({ status: 'queued' });
    for (let i = 0; i < 2; i++) {
      const error = await account.client.messages
        .create({ to: '+15550000009', from: FROM, body: 'x' })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 503, code: 20503, message: 'down' });
    }
    await expect(
      account.client.messages.create({ to: '+15550000009', from: FROM, body: 'x' }),
    ).resolves.toMatchObject({ status: 'queued' });
  });

  it('forces the outcome of the next message to a recipient', async () => {
    await control(account.emulator.url, 'POST', '/emulator/outcomes', {
      to: '+15550000004',
      status: 'undelivered',
      errorCode: 30003,
    });
    const statusCallback = `${account.app.url}/status`;
    const doomed = await account.client.messages.create({
      to: '+15550000004',
      from: FROM,
      body: 'x',
      statusCallback,
    });
    const callbacks = await waitUntil(
      () => callbacksFor(doomed.sid).length >= 3 && callbacksFor(doomed.sid),
      { what: 'callbacks' },
    );
    expect(callbacks.map((request) => request.params.MessageStatus)).toEqual([
      'queued',
      'sent',
      'undelivered',
    ]);
    expect(callbacks[2].params).toMatchObject({
      ErrorCode: '30003',
      ErrorMessage: 'Unreachable destination handset',
    });

    const fetched = await account.client.messages(doomed.sid).fetch();
    expect(fetched).toMatchObject({ status: 'undelivered', errorCode: 30003 });

    const next = await account.client.messages.create({ to: '+15550000004', from: FROM, body: 'x' });
    await waitUntil(async () => (await account.client.messages(next.sid).fetch()).status === 'delivered', {
      what: 'delivery',
    });
  });

  it('reports the accept rate of a sender', async () => {
    const started = Date.now();
    for (let i = 0; i < 5; i++)
      await account.client.messages.create({ to: '+15550000001', from: '+15550000200', body: 'x' });
    const elapsed = Date.now() - started;
    await account.client.messages.create({ to: '+15550000001', from: FROM, body: 'x' });

    const rate = await control<{ count: number; maxInAnySecond: number }>(
      account.emulator.url,
      'GET',
      '/emulator/rate?from=%2B15550000200',
    );
    expect(rate.body.count).toBe(5);
    if (elapsed < 900) expect(rate.body.maxInAnySecond).toBe(5);
    else expect(rate.body.maxInAnySecond).toBeGreaterThanOrEqual(1);
  });

  it('lists recorded messages for tests, filtered by recipient and channel', async () => {
    await account.client.messages.create({ to: '+15550000001', from: FROM, body: 'sms' });
    await control(account.emulator.url, 'POST', '/emulator/window', {
      number: FROM,
      phone: '+15550000001',
      lastInboundAt: Date.now(),
    });
    await account.client.messages.create({
      to: 'whatsapp:+15550000001',
      from: `whatsapp:${FROM}`,
      body: 'wa',
    });
    await account.client.messages.create({ to: '+15550000002', from: FROM, body: 'other' });

    const forPhone = await control<{ count: number; messages: MessageControlView[] }>(
      account.emulator.url,
      'GET',
      '/emulator/messages?to=%2B15550000001',
    );
    expect(forPhone.body.messages.map((message) => message.body)).toEqual(['sms', 'wa']);
    const whatsapp = await control<{ messages: MessageControlView[] }>(
      account.emulator.url,
      'GET',
      '/emulator/messages?channel=whatsapp',
    );
    expect(whatsapp.body.messages.map((message) => message.to)).toEqual(['whatsapp:+15550000001']);
    expect(whatsapp.body.messages[0].createdAt).toEqual(expect.any(Number));

    const bad = await control<{ statusCode: number; message: string }>(
      account.emulator.url,
      'GET',
      '/emulator/messages?channel=fax',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('channel');
  });

  it('answers its health checks', async () => {
    expect((await control(account.emulator.url, 'GET', '/health/live')).body).toEqual({ status: 'ok' });
    expect((await control(account.emulator.url, 'GET', '/health/ready')).status).toBe(200);
  });
});
