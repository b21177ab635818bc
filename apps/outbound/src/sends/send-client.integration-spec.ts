import { SendClient } from '@app/client';
import { OutboundMessageUpdated, sendMsgId } from '@app/contracts';
import { staysFalse, waitFor } from '@app/testing';
import { OutboundHarness } from '../testing/outbound-harness';

jest.setTimeout(60_000);

describe('@app/client against outbound (real NATS, Postgres and the Twilio emulator)', () => {
  let h: OutboundHarness;
  let client: SendClient;
  let updates: OutboundMessageUpdated[];

  beforeAll(async () => {
    h = await OutboundHarness.start();
    updates = h.nats.collect(OutboundMessageUpdated);
    client = await SendClient.connect({ namespace: h.nats.namespace.prefix, timeoutMs: 10_000 });
  });
  afterAll(async () => {
    await client?.close();
    await h?.stop();
  });

  it('delivers the sends of two workspaces that use the same idempotency key, each once', async () => {
    const key = `reminder:${Date.now()}`;
    const [a, b] = [h.workspace(), h.workspace()];
    const [numberA, numberB] = [h.number(a.id), h.number(b.id)];
    const [memberA, memberB] = [h.member(a.id), h.member(b.id)];

    const first = await client.enqueue(
      h.request(numberA, { memberId: memberA.id, channel: 'sms', idempotencyKey: key }),
    );
    const second = await client.enqueue(
      h.request(numberB, { memberId: memberB.id, channel: 'sms', idempotencyKey: key }),
    );
    expect(first).toMatchObject({ msgId: `${a.id}:${key}`, duplicate: false });
    expect(second).toMatchObject({ msgId: `${b.id}:${key}`, duplicate: false });

    await waitFor(
      async () =>
        (await h.sentTo(memberA.phone!)).length === 1 && (await h.sentTo(memberB.phone!)).length === 1,
      {
        message: 'both workspaces got their send',
        timeoutMs: 30_000,
      },
    );
    // Each send's update follows its Twilio call: on a busy machine it may come a moment after.
    const workspacesUpdated = () =>
      new Set(updates.filter((u) => u.idempotencyKey === key).map((u) => u.workspaceId));
    await waitFor(() => workspacesUpdated().size === 2, { message: 'both sends updated', timeoutMs: 10_000 });
    expect(workspacesUpdated()).toEqual(new Set([a.id, b.id]));
  });

  it('stores the same key in the same workspace once, however often it is enqueued or sent', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const request = h.request(n, { memberId: m.id, channel: 'sms' });

    expect((await client.enqueue(request)).duplicate).toBe(false);
    expect(await client.enqueue(request)).toEqual({
      msgId: sendMsgId(request),
      duplicate: true,
      seq: expect.any(Number),
    });
    const answer = await client.send(request);
    expect(answer.status).not.toBe('failed');
    await waitFor(async () => (await client.get(ws.id, answer.id)).status === 'delivered', {
      message: 'the send delivered',
      timeoutMs: 30_000,
    });
    expect(await staysFalse(async () => (await h.sentTo(m.phone!)).length > 1, 500)).toBe(true);
    expect(await h.sentTo(m.phone!)).toHaveLength(1);
  });

  it('refuses a payload that breaks the contract before it leaves, and passes on the service error', async () => {
    const ws = h.workspace();
    const n = h.number(ws.id);
    await expect(
      client.enqueue({ ...h.request(n, { channel: 'sms' }), memberId: undefined }),
    ).rejects.toThrow(/give memberId or to/);
    const stranger = h.member(h.workspace().id);
    await expect(client.send(h.request(n, { memberId: stranger.id, channel: 'sms' }))).rejects.toMatchObject({
      code: 'not_found',
      message: 'Member not found.',
    });
  });
});
