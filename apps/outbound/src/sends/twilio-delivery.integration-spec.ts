import { randomUUID } from 'node:crypto';
import { DeliveryStatusReceived, SendRequested } from '@app/contracts';
import { staysFalse, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, waitFor } from '@app/testing';
import { DataSource } from 'typeorm';
import { OutboundHarness } from '../testing/outbound-harness';
import { ApplyDeliveryStatusUseCase } from '../delivery-status/apply-delivery-status.usecase';
import { SendsRepository } from './sends.repository';

jest.setTimeout(30_000);
const HOUR = 3600_000;

/** Twilio's status callback for one send, as ingress hands it on, naming `status`. */
const statusCallback =
  (from: string, to: string, sendId: string, messageSid: string) =>
  (status: 'queued' | 'sent' | 'delivered' | 'read') => ({
    accountSid: TEST_ACCOUNT_SID,
    messageSid,
    status,
    errorCode: null,
    errorMessage: null,
    from,
    to,
    sendId,
    receivedAt: new Date().toISOString(),
    params: {},
  });

describe('outbound hands sends to Twilio (real Postgres, NATS and the Twilio emulator)', () => {
  const h = OutboundHarness.forSuite();

  it("records the emulator's 63016 (Twilio's window closed though ours was open) with its reason", async () => {
    const { ws, n, m } = h.workspaceWithMember({ notifyWhatsapp: true });
    // Our projection saw a recent message; Twilio's window is forced 25 hours back.
    await h.memberWrote(n, m, new Date(), { twilioToo: false });
    await h.control('/emulator/window', {
      number: n.number,
      phone: m.phone,
      lastInboundAt: Date.now() - 25 * HOUR,
    });
    const result = await waitFor(async () => {
      const r = await h.send(h.request(n, { memberId: m.id, channel: 'whatsapp', body: 'Still there?' }));
      return r.status === 'pending' ? r : undefined;
    });
    const failed = await h.waitForStatus(ws.id, result.id, 'failed');
    expect(failed.errorCode).toBe('63016');
    expect(failed.reason).toMatch(/24 hours.*approved template/);
    // Chats learn it from the event.
    await waitFor(() =>
      h.updates.find(
        (u) =>
          u.sendId === result.id &&
          u.status === 'failed' &&
          u.errorCode === '63016' &&
          u.reason === failed.reason,
      ),
    );
  });

  it('retries a 429 from Twilio and sends the message once', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    await h.control('/emulator/faults', { status: 429, times: 2, to: m.phone });
    const result = await h.send(h.request(n, { memberId: m.id, channel: 'sms', body: 'Your code is 1234' }));
    const sent = await h.waitForStatus(ws.id, result.id, 'delivered');
    const messages = await h.sentTo(m.phone!);
    expect(messages).toHaveLength(1);
    expect(messages[0].sid).toBe(sent.twilioSid);
  });

  it('fails on a final 4xx with Twilio’s code and a human reason', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    await h.control('/emulator/faults', {
      status: 400,
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
      to: m.phone,
    });
    const result = await h.send(h.request(n, { memberId: m.id, channel: 'sms', body: 'hi' }));
    const failed = await h.waitForStatus(ws.id, result.id, 'failed');
    expect(failed).toMatchObject({ errorCode: '21610', reason: expect.stringMatching(/replied STOP/) });
    expect(await h.sentTo(m.phone!)).toHaveLength(0);
  });

  it('gives one Twilio message for one idempotency key sent three times (requests and a redelivered event)', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const request = h.request(n, { memberId: m.id, channel: 'sms', body: 'Once only' });
    const answers = await Promise.all([h.send(request), h.send(request), h.send(request)]);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    // The same request again as a fire-and-forget event, under another message id (past JetStream's de-duplication).
    await h.nats.publish(SendRequested, request, `other:${randomUUID()}`);
    await h.waitForStatus(ws.id, answers[0].id, 'delivered');
    expect(await staysFalse(async () => (await h.sentTo(m.phone!)).length > 1, 500)).toBe(true);
    expect(await h.sentTo(m.phone!)).toHaveLength(1);
  });

  it('keeps a message delivered when a late "sent" callback arrives after "delivered"', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const result = await h.send(h.request(n, { memberId: m.id, channel: 'sms', body: 'Order test' }));
    const done = await h.waitForStatus(ws.id, result.id, 'delivered');
    const callback = statusCallback(n.number, m.phone!, result.id, done.twilioSid!);
    const seen = h.updates.filter((u) => u.sendId === result.id).length;
    await h.nats.publish(DeliveryStatusReceived, callback('delivered'), `replay:${randomUUID()}`);
    await h.nats.publish(DeliveryStatusReceived, callback('sent'), `late:${randomUUID()}`);
    expect(await staysFalse(async () => (await h.record(ws.id, result.id)).status !== 'delivered', 500)).toBe(
      true,
    );
    // No update moved it backwards.
    expect(
      h.updates
        .filter((u) => u.sendId === result.id)
        .slice(seen)
        .map((u) => u.status),
    ).not.toContain('sent');
  });

  it('publishes nothing for a callback naming the status a send already has, unless the callback was handled before', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const result = await h.send(h.request(n, { memberId: m.id, channel: 'sms', body: 'Same status' }));
    const done = await h.waitForStatus(ws.id, result.id, 'delivered');
    await waitFor(() => h.updates.find((u) => u.sendId === result.id && u.status === 'delivered'));
    const callback = statusCallback(n.number, m.phone!, result.id, done.twilioSid!);
    const seen = h.updates.filter((u) => u.sendId === result.id).length;
    const published = () => h.updates.filter((u) => u.sendId === result.id).slice(seen);
    // Twilio's `queued` after ours, a repeated `delivered`: nothing new to say.
    await h.nats.publish(DeliveryStatusReceived, callback('queued'), `queued:${randomUUID()}`);
    await h.nats.publish(DeliveryStatusReceived, callback('delivered'), `again:${randomUUID()}`);
    expect(await staysFalse(async () => published().length > 0, 500)).toBe(true);

    // What this process published answers them without a statement.
    const apply = h.service.app.get(ApplyDeliveryStatusUseCase);
    const statement = jest.spyOn(h.service.app.get(SendsRepository), 'applyCallback');
    await expect(apply.execute(callback('queued'))).resolves.toBe('unchanged');
    expect(statement).not.toHaveBeenCalled();
    statement.mockRestore();

    // A `read` callback stored it, then its handler stopped before publishing.
    await h.service.app.get(DataSource).query(`UPDATE sends SET status = 'read' WHERE id = $1`, [result.id]);
    // Another `read` (a first delivery) has nothing to say: that callback's redelivery publishes.
    await expect(apply.execute(callback('read'))).resolves.toBe('unchanged');
    expect(await staysFalse(async () => published().length > 0, 300)).toBe(true);
    await expect(apply.execute(callback('read'), { handledBefore: true })).resolves.toBe('unchanged');
    await waitFor(() => published().length > 0);
    expect(published()).toEqual([expect.objectContaining({ status: 'read', twilioSid: done.twilioSid })]);

    // Another Twilio message named for this send, or one we never sent: nothing published.
    const other = { ...callback('read'), messageSid: `SM${'f'.repeat(32)}` };
    await expect(apply.execute(other)).resolves.toBe('ignored');
    await expect(apply.execute({ ...other, sendId: null })).resolves.toBe('unknown_send');
    expect(published()).toHaveLength(1);
  });

  it('finds a send by its Twilio SID when the callback has no send id, and never moves it back from read', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const result = await h.send(h.request(n, { memberId: m.id, channel: 'sms', body: 'SID test' }));
    const queued = await waitFor(async () => {
      const r = await h.record(ws.id, result.id);
      return r.twilioSid ? r : undefined;
    });
    const base = {
      accountSid: TEST_ACCOUNT_SID,
      messageSid: queued.twilioSid!,
      errorCode: null,
      errorMessage: null,
      from: n.number,
      to: m.phone!,
      sendId: null,
      receivedAt: new Date().toISOString(),
      params: {},
    };
    await h.nats.publish(DeliveryStatusReceived, { ...base, status: 'read' }, `x:${randomUUID()}`);
    await h.waitForStatus(ws.id, result.id, 'read');
    await h.nats.publish(DeliveryStatusReceived, { ...base, status: 'sent' }, `y:${randomUUID()}`);
    expect(await staysFalse(async () => (await h.record(ws.id, result.id)).status !== 'read', 300)).toBe(
      true,
    );
  });

  it('stores a send claimed in one statement; a second store answers it, and cannot claim it while fresh', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const sends = h.service.app.get(SendsRepository);
    const request = h.request(n, { memberId: m.id, channel: 'sms', body: 'Claimed once' });
    const recipient = { toPhone: m.phone!, memberId: m.id };
    const addresses = { toPhone: m.phone!, fromAddress: n.number, toAddress: m.phone! };
    const first = await sends.insertOrGet(request, null, recipient, { token: randomUUID(), addresses });
    expect(first.created).toBe(true);
    expect(first.claim).toEqual({ token: first.send.claimToken, previous: null });
    expect(first.send).toMatchObject({ status: 'pending', attempts: 1, fromAddress: n.number });
    expect(first.send.claimedAt).toBeInstanceOf(Date);
    const second = await sends.insertOrGet(request, null, recipient, { token: randomUUID(), addresses });
    expect(second).toMatchObject({ created: false, claim: null });
    expect(second.send.id).toBe(first.send.id);
    expect(second.send.claimToken).toBe(first.claim!.token);
    expect(await sends.claim(ws.id, first.send.id, randomUUID(), 60_000, addresses)).toBeNull();
    // The holder renews its own claim.
    expect(await sends.claim(ws.id, first.send.id, first.claim!.token, 60_000, addresses)).toMatchObject({
      token: first.claim!.token,
    });
    // A refused send is stored unclaimed.
    const skipped = await sends.insertOrGet(
      h.request(n, { memberId: m.id, channel: 'sms', body: 'No' }),
      { status: 'skipped', reason: 'Member has opted out of messages (replied STOP).' },
      recipient,
      { token: randomUUID(), addresses },
    );
    expect(skipped).toMatchObject({
      created: true,
      claim: null,
      send: { status: 'skipped', claimToken: null },
    });
  });

  it('reconciles a send whose earlier attempt died mid-call instead of sending it again', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const request = h.request(n, { memberId: m.id, channel: 'sms', body: 'Crash test' });
    // The first worker stored the send, claimed it, reached Twilio, then died before storing the SID.
    const db = h.service.app.get(DataSource);
    const id = randomUUID();
    await db.query(
      `INSERT INTO sends (id, workspace_id, idempotency_key, phone_number_id, member_id, channel, kind, origin_service, body, status, claimed_at, claim_token, attempts)
       VALUES ($1, $2, $3, $4, $5, 'sms', 'system', 'test', $6, 'pending', now() - interval '2 minutes', $7, 1)`,
      [id, ws.id, request.idempotencyKey, n.id, m.id, request.body, randomUUID()],
    );
    const created = await fetch(`${h.emulator.url}/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ To: m.phone!, From: n.number, Body: 'Crash test' }).toString(),
    });
    const sid = ((await created.json()) as { sid: string }).sid;
    // JetStream redelivers the request.
    await h.nats.publish(SendRequested, request, `redelivery:${randomUUID()}`);
    const adopted = await waitFor(async () => {
      const r = await h.record(ws.id, id);
      return r.twilioSid ? r : undefined;
    });
    expect(adopted.twilioSid).toBe(sid);
    expect(await h.sentTo(m.phone!)).toHaveLength(1);
  });
});
