import { ChatClosed, CloseChat, GetChat, ListChats, OpenChat } from '@app/contracts';
import type { RunningService } from '@app/runtime';
import { aPhoneNumber, waitFor } from '@app/testing';
import { ChatsHarness, type Party } from '../testing/chats-harness';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('chats: a chat closes after its inactivity time, on request, once (real Postgres and NATS)', () => {
  let h: ChatsHarness;
  let replica: RunningService | undefined;

  beforeAll(async () => {
    h = await ChatsHarness.start({ CHATS_CLOSE_SWEEP_MS: '200' });
  });
  afterAll(async () => {
    await replica?.close();
    await h?.stop();
  });

  /** A party whose number closes chats after `inactivity` (ISO 8601). */
  const partyClosingAfter = (inactivity: string): Party => {
    const p = h.party();
    return { ...p, number: aPhoneNumber(p.workspace.id, { inactivityCloseAfter: inactivity }) };
  };
  const chatsOf = async (p: Party) =>
    (await h.nats.request(ListChats, { workspaceId: p.workspace.id, memberId: p.member.id })).items;
  const turnFor = (sid: string) =>
    waitFor(() => h.turnPublishes.find((t) => t.twilioSid === sid), { message: `the turn of ${sid}` });
  const closedEventsOf = async (chatId: string) =>
    (await h.nats.stored(ChatClosed)).filter((s) => s.event.chat.id === chatId);

  it('keeps a chat open while messages come within the time, closing it that long after the latest', async () => {
    const p = partyClosingAfter('PT1H');
    const first = await h.inbound(h.accepted(p, { channel: 'whatsapp', receivedAt: ago(50 * 60_000) }));
    await turnFor(first.twilioSid);
    const second = await h.inbound(h.accepted(p, { channel: 'whatsapp' }));
    const turn = await turnFor(second.twilioSid);

    expect(turn.chatCreated).toBe(false);
    const [chat] = await chatsOf(p);
    expect(chat).toMatchObject({ status: 'open', closedAt: null, closedReason: null });
    expect(Date.parse(chat.closesAt!)).toBe(Date.parse(second.receivedAt) + HOUR);
  });

  it("opens a new chat for a message that comes after the number's inactivity time, closing the old one as inactive", async () => {
    const p = partyClosingAfter('PT1H');
    const old = await h.inbound(h.accepted(p, { channel: 'whatsapp', receivedAt: ago(3 * HOUR) }));
    const oldTurn = await turnFor(old.twilioSid);
    const fresh = await h.inbound(h.accepted(p, { channel: 'whatsapp', body: 'back again' }));
    const freshTurn = await turnFor(fresh.twilioSid);

    expect(freshTurn).toMatchObject({ chatCreated: true });
    expect(freshTurn.chatId).not.toBe(oldTurn.chatId);
    const closed = await h.nats.request(GetChat, { workspaceId: p.workspace.id, chatId: oldTurn.chatId });
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'inactivity', closesAt: null });
    // It closed when its time ran out, not when someone noticed.
    expect(Date.parse(closed.closedAt!)).toBe(Date.parse(old.receivedAt) + HOUR);
    const events = await waitFor(async () => {
      const stored = await closedEventsOf(oldTurn.chatId);
      return stored.length ? stored : undefined;
    });
    expect(events).toEqual([
      {
        msgId: `chat-closed:${oldTurn.chatId}`,
        event: expect.objectContaining({
          workspaceId: p.workspace.id,
          reason: 'inactivity',
          closedAt: closed.closedAt,
          chat: expect.objectContaining({ id: oldTurn.chatId, status: 'closed' }),
        }),
      },
    ]);
  });

  it('closes an idle chat by itself (the sweep) and publishes chat.closed once; a busy chat stays open', async () => {
    const idle = partyClosingAfter('PT5M');
    const busy = h.party();
    const idleMsg = await h.inbound(h.accepted(idle, { channel: 'sms', receivedAt: ago(10 * 60_000) }));
    const busyMsg = await h.inbound(h.accepted(busy, { channel: 'sms' }));
    const idleTurn = await turnFor(idleMsg.twilioSid);
    const busyTurn = await turnFor(busyMsg.twilioSid);

    const closed = await waitFor(
      async () => {
        const chat = await h.nats.request(GetChat, {
          workspaceId: idle.workspace.id,
          chatId: idleTurn.chatId,
        });
        return chat.status === 'closed' ? chat : undefined;
      },
      { message: 'the idle chat closed by the sweep', timeoutMs: 30_000 },
    );
    expect(closed.closedReason).toBe('inactivity');
    await waitFor(async () => (await closedEventsOf(idleTurn.chatId)).length === 1, {
      message: 'chat.closed stored',
    });
    const stillOpen = await h.nats.request(GetChat, {
      workspaceId: busy.workspace.id,
      chatId: busyTurn.chatId,
    });
    expect(stillOpen).toMatchObject({ status: 'open', closedAt: null });
    expect(Date.parse(stillOpen.closesAt!)).toBe(Date.parse(busyMsg.receivedAt) + 24 * HOUR);
  });

  it('closes on request once: a second close changes nothing and publishes nothing more', async () => {
    const p = h.party();
    const m = await h.inbound(h.accepted(p, { channel: 'whatsapp' }));
    const { chatId } = await turnFor(m.twilioSid);

    const first = await h.nats.request(CloseChat, { workspaceId: p.workspace.id, chatId });
    const again = await h.nats.request(CloseChat, { workspaceId: p.workspace.id, chatId, reason: 'agent' });
    expect(first).toMatchObject({ status: 'closed', closedReason: 'request', closesAt: null });
    expect(again).toEqual(first);
    await waitFor(async () => (await closedEventsOf(chatId)).length === 1, { message: 'chat.closed stored' });
    expect(h.closedPublishes.filter((e) => e.chat.id === chatId)).toHaveLength(1);
    expect(h.closedPublishes.find((e) => e.chat.id === chatId)).toMatchObject({ reason: 'request' });
  });

  it("gives a conversation an action starts a new chat when the member's chat has been idle too long", async () => {
    const p = partyClosingAfter('PT1H');
    const old = await h.inbound(h.accepted(p, { channel: 'whatsapp', receivedAt: ago(2 * HOUR) }));
    const oldTurn = await turnFor(old.twilioSid);
    const key = {
      workspaceId: p.workspace.id,
      phoneNumberId: p.number.id,
      memberId: p.member.id,
      channel: 'whatsapp' as const,
      inactivityCloseAfter: 'PT1H',
    };
    const started = await h.nats.request(OpenChat, key);
    expect(started.created).toBe(true);
    expect(started.chat.id).not.toBe(oldTurn.chatId);
    // The start counts as activity: the new chat has its full hour.
    expect(Date.parse(started.chat.closesAt!)).toBeGreaterThan(Date.now() + HOUR - 60_000);
    expect((await h.nats.request(OpenChat, key)).chat.id).toBe(started.chat.id);
  });

  it('closes each idle chat once with two replicas sweeping', async () => {
    replica = await h.replica({ CHATS_CLOSE_SWEEP_MS: '100' });
    const p = partyClosingAfter('PT5M');
    const parties = Array.from({ length: 12 }, () => ({ ...p, member: h.party().member }));
    const sent = await Promise.all(
      parties.map((party) => h.inbound(h.accepted(party, { channel: 'sms', receivedAt: ago(6 * 60_000) }))),
    );
    const chatIds = (await Promise.all(sent.map((m) => turnFor(m.twilioSid)))).map((t) => t.chatId);

    const stored = await waitFor(
      async () => {
        const events = (await h.nats.stored(ChatClosed)).filter((s) => chatIds.includes(s.event.chat.id));
        return events.length === chatIds.length ? events : undefined;
      },
      { message: 'a chat.closed for each idle chat', timeoutMs: 30_000 },
    );
    expect(new Set(stored.map((s) => s.event.chat.id)).size).toBe(chatIds.length);
    // Not even a duplicate for JetStream to drop: each close was published by one replica, once.
    expect(h.closedPublishes.filter((e) => chatIds.includes(e.chat.id))).toHaveLength(chatIds.length);
    const { items } = await h.nats.request(ListChats, { workspaceId: p.workspace.id });
    expect(items.filter((c) => chatIds.includes(c.id)).every((c) => c.status === 'closed')).toBe(true);
  });
});
