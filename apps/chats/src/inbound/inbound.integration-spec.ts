import { randomUUID } from 'node:crypto';
import {
  ChatActivity,
  chatActivitySubject,
  CloseChat,
  GetChat,
  ListChatMessages,
  ListChats,
  OpenChat,
} from '@app/contracts';
import { waitFor } from '@app/testing';
import { ChatsHarness } from '../testing/chats-harness';
import { StoreInboundMessageUseCase } from './store-inbound-message.usecase';

jest.setTimeout(30_000);

describe('chats: inbound messages into chats (real Postgres and NATS)', () => {
  const h = ChatsHarness.forSuite();

  const chatsOf = (workspaceId: string, filters: { channel?: 'sms' | 'whatsapp'; memberId?: string } = {}) =>
    h.nats.request(ListChats, { workspaceId, ...filters });
  const messagesOf = (workspaceId: string, chatId: string) =>
    h.nats.request(ListChatMessages, { workspaceId, chatId });
  const turnFor = (sid: string) =>
    waitFor(() => h.turnPublishes.find((t) => t.twilioSid === sid), { message: `the turn of ${sid}` });

  it('puts a WhatsApp and an SMS message from one member on one number in two chats labelled by channel', async () => {
    const p = h.party();
    const wa = await h.inbound(h.accepted(p, { channel: 'whatsapp', body: 'on WhatsApp' }));
    const sms = await h.inbound(h.accepted(p, { channel: 'sms', body: 'by SMS' }));
    const [waTurn, smsTurn] = [await turnFor(wa.twilioSid), await turnFor(sms.twilioSid)];

    const { items } = await chatsOf(p.workspace.id);
    expect(items.map((c) => c.channel).sort()).toEqual(['sms', 'whatsapp']);
    const byChannel = Object.fromEntries(items.map((c) => [c.channel, c]));
    expect(byChannel.whatsapp).toMatchObject({
      memberId: p.member.id,
      phoneNumberId: p.number.id,
      status: 'open',
    });
    expect(waTurn).toMatchObject({
      chatId: byChannel.whatsapp.id,
      chatCreated: true,
      channel: 'whatsapp',
      body: 'on WhatsApp',
      chat: { heldBy: null, waitingSince: null },
    });
    expect(smsTurn).toMatchObject({ chatId: byChannel.sms.id, chatCreated: true, channel: 'sms' });
    const waMessages = await messagesOf(p.workspace.id, byChannel.whatsapp.id);
    expect(waMessages.items).toEqual([
      expect.objectContaining({
        id: waTurn.messageId,
        direction: 'inbound',
        body: 'on WhatsApp',
        status: 'received',
        twilioSid: wa.twilioSid,
        sendId: null,
      }),
    ]);
    expect(byChannel.whatsapp.lastMessageAt).toBe(wa.receivedAt);
  });

  it('stores a message delivered twice once, and publishes its turn on both deliveries under one msgId', async () => {
    const p = h.party();
    const m = h.accepted(p, { channel: 'whatsapp', body: 'twice' });
    await h.inbound(m);
    await turnFor(m.twilioSid);
    // Past routing's msgId: the same message again, as a JetStream redelivery after a lost ack would be.
    await h.inbound(m, `${m.twilioSid}:redelivered`);
    await waitFor(() => h.turnPublishes.filter((t) => t.twilioSid === m.twilioSid).length === 2, {
      message: 'the turn published again',
    });

    const published = h.turnPublishes.filter((t) => t.twilioSid === m.twilioSid);
    // The second publish names the same chat and message and says the same about who opened the chat.
    expect(published[1]).toEqual(published[0]);
    const [chat] = (await chatsOf(p.workspace.id)).items;
    expect((await messagesOf(p.workspace.id, chat.id)).items).toHaveLength(1);
    expect((await h.storedTurns()).filter((t) => t.twilioSid === m.twilioSid)).toHaveLength(1);
  });

  it('stores five messages in a row in one chat, in order, the later ones not opening chats', async () => {
    const p = h.party();
    const base = Date.now();
    const sent = [];
    for (let i = 1; i <= 5; i++) {
      sent.push(
        await h.inbound(
          h.accepted(p, {
            channel: 'whatsapp',
            body: `message ${i}`,
            receivedAt: new Date(base + i).toISOString(),
          }),
        ),
      );
    }
    await turnFor(sent[4].twilioSid);
    const { items: chats } = await chatsOf(p.workspace.id);
    expect(chats).toHaveLength(1);
    const { items } = await messagesOf(p.workspace.id, chats[0].id);
    expect(items.map((m) => m.body)).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
      'message 5',
    ]);
    expect(sent.map((s) => h.turnPublishes.find((t) => t.twilioSid === s.twilioSid)?.chatCreated)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(chats[0].lastMessageAt).toBe(new Date(base + 5).toISOString());
  });

  it('orders messages with the same time by arrival, and pages through them with a cursor', async () => {
    const p = h.party();
    const at = new Date().toISOString();
    const sent = [];
    for (let i = 1; i <= 3; i++)
      sent.push(await h.inbound(h.accepted(p, { channel: 'sms', body: `same time ${i}`, receivedAt: at })));
    const turn = await turnFor(sent[2].twilioSid);
    const first = await h.nats.request(ListChatMessages, {
      workspaceId: p.workspace.id,
      chatId: turn.chatId,
      limit: 2,
    });
    expect(first.items.map((m) => m.body)).toEqual(['same time 1', 'same time 2']);
    expect(first.nextCursor).not.toBeNull();
    const second = await h.nats.request(ListChatMessages, {
      workspaceId: p.workspace.id,
      chatId: turn.chatId,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second).toEqual({ items: [expect.objectContaining({ body: 'same time 3' })], nextCursor: null });
  });

  it('gives the newest messages in order when asked for the newest (an agent past its history limit)', async () => {
    const p = h.party();
    const base = Date.now() - 60_000;
    const sent = [];
    for (let i = 1; i <= 5; i++)
      sent.push(
        await h.inbound(
          h.accepted(p, {
            channel: 'sms',
            body: `m${i}`,
            receivedAt: new Date(base + i * 1000).toISOString(),
          }),
        ),
      );
    const turn = await turnFor(sent[4].twilioSid);
    await waitFor(async () => {
      const all = await h.nats.request(ListChatMessages, {
        workspaceId: p.workspace.id,
        chatId: turn.chatId,
      });
      return all.items.length === 5;
    });
    const newest = await h.nats.request(ListChatMessages, {
      workspaceId: p.workspace.id,
      chatId: turn.chatId,
      limit: 3,
      newest: true,
    });
    expect(newest.items.map((m) => m.body)).toEqual(['m3', 'm4', 'm5']);
    expect(newest.nextCursor).toBeNull();
  });

  it('keeps the media metadata of a message', async () => {
    const p = h.party();
    const media = [
      {
        url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
        contentType: 'image/jpeg',
      },
    ];
    const m = await h.inbound(h.accepted(p, { channel: 'whatsapp', body: '', media }));
    const turn = await turnFor(m.twilioSid);
    // Twilio's URL and type are kept; this URL cannot be fetched here, so the file says why it is missing.
    const kept = [{ ...media[0], refused: { code: 'download_failed' } }];
    expect(turn.media).toMatchObject(kept);
    expect((await messagesOf(p.workspace.id, turn.chatId)).items[0]).toMatchObject({ body: '', media: kept });
  });

  it('filters the chat list by channel and member, newest first, a page at a time', async () => {
    const p = h.party();
    const other = { ...p, member: { ...h.party().member, id: randomUUID(), workspaceId: p.workspace.id } };
    const first = await h.inbound(h.accepted(p, { channel: 'sms' }));
    await turnFor(first.twilioSid);
    const second = await h.inbound(h.accepted(p, { channel: 'whatsapp' }));
    await turnFor(second.twilioSid);
    const third = await h.inbound(h.accepted(other, { channel: 'whatsapp' }));
    await turnFor(third.twilioSid);

    const all = await chatsOf(p.workspace.id);
    expect(all.items.map((c) => [c.memberId, c.channel])).toEqual([
      [other.member.id, 'whatsapp'],
      [p.member.id, 'whatsapp'],
      [p.member.id, 'sms'],
    ]);
    expect((await chatsOf(p.workspace.id, { channel: 'whatsapp' })).items.map((c) => c.memberId)).toEqual([
      other.member.id,
      p.member.id,
    ]);
    expect((await chatsOf(p.workspace.id, { memberId: p.member.id })).items.map((c) => c.channel)).toEqual([
      'whatsapp',
      'sms',
    ]);
    expect((await chatsOf(p.workspace.id, { memberId: p.member.id, channel: 'sms' })).items).toHaveLength(1);

    const page1 = await h.nats.request(ListChats, { workspaceId: p.workspace.id, limit: 2 });
    const page2 = await h.nats.request(ListChats, {
      workspaceId: p.workspace.id,
      limit: 2,
      cursor: page1.nextCursor,
    });
    expect([...page1.items, ...page2.items].map((c) => c.id)).toEqual(all.items.map((c) => c.id));
    expect(page2.nextCursor).toBeNull();
    await expect(
      h.nats.request(ListChats, { workspaceId: p.workspace.id, cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it("answers not_found for another workspace's chat, and lists none of it", async () => {
    const p = h.party();
    const m = await h.inbound(h.accepted(p, { channel: 'whatsapp' }));
    const { chatId } = await turnFor(m.twilioSid);
    const stranger = h.party().workspace.id;

    await expect(h.nats.request(GetChat, { workspaceId: stranger, chatId })).rejects.toMatchObject({
      code: 'not_found',
      message: 'Chat not found.',
    });
    await expect(h.nats.request(ListChatMessages, { workspaceId: stranger, chatId })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(h.nats.request(CloseChat, { workspaceId: stranger, chatId })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await chatsOf(stranger)).items).toEqual([]);
    // The owner still sees it open.
    expect(await h.nats.request(GetChat, { workspaceId: p.workspace.id, chatId })).toMatchObject({
      id: chatId,
      status: 'open',
    });
  });

  it('opens a new chat for the next inbound message once the chat is closed', async () => {
    const p = h.party();
    const before = await h.inbound(h.accepted(p, { channel: 'whatsapp', body: 'first chat' }));
    const { chatId } = await turnFor(before.twilioSid);
    expect(await h.nats.request(CloseChat, { workspaceId: p.workspace.id, chatId })).toMatchObject({
      id: chatId,
      status: 'closed',
    });
    // Closing twice is harmless.
    expect(await h.nats.request(CloseChat, { workspaceId: p.workspace.id, chatId })).toMatchObject({
      status: 'closed',
    });

    const after = await h.inbound(h.accepted(p, { channel: 'whatsapp', body: 'second chat' }));
    const turn = await turnFor(after.twilioSid);
    expect(turn.chatId).not.toBe(chatId);
    expect(turn.chatCreated).toBe(true);
    const { items } = await chatsOf(p.workspace.id, { channel: 'whatsapp' });
    expect(items.map((c) => [c.id, c.status])).toEqual([
      [turn.chatId, 'open'],
      [chatId, 'closed'],
    ]);
    expect((await messagesOf(p.workspace.id, chatId)).items.map((m) => m.body)).toEqual(['first chat']);
  });

  it('opens a chat on request once, however many ask at the same time, and the member then writes into it', async () => {
    const p = h.party();
    const key = {
      workspaceId: p.workspace.id,
      phoneNumberId: p.number.id,
      memberId: p.member.id,
      channel: 'whatsapp' as const,
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.nats.request(OpenChat, key)));
    const ids = new Set(answers.map((a) => a.chat.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(answers[0].chat).toMatchObject({ status: 'open', channel: 'whatsapp', lastMessageAt: null });

    const m = await h.inbound(h.accepted(p, { channel: 'whatsapp' }));
    const turn = await turnFor(m.twilioSid);
    expect(turn).toMatchObject({ chatId: answers[0].chat.id, chatCreated: false });
  });

  it('stores one message when replicas handle the same new message at once, and opens one chat', async () => {
    const p = h.party();
    const m = h.accepted(p, { channel: 'sms', body: 'raced' });
    const store = h.service.app.get(StoreInboundMessageUseCase);
    const results = await Promise.all([store.execute(m), store.execute(m), store.execute(m)]);
    expect(results.filter((r) => r.stored)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.chat.id)).size).toBe(1);
    // Every delivery tells the same story: this message opened the chat.
    expect(results.map((r) => r.chatCreated)).toEqual([true, true, true]);
    expect((await chatsOf(p.workspace.id)).items).toHaveLength(1);
  });

  it('counts stored messages by direction and channel, not redeliveries', async () => {
    const stored = async () => {
      const text = await (await fetch(`${h.service.url}/metrics`)).text();
      const line = text
        .split('\n')
        .find(
          (l) =>
            l.startsWith('chats_messages_stored_total{') &&
            l.includes('direction="inbound"') &&
            l.includes('channel="whatsapp"'),
        );
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const before = await stored();
    const p = h.party();
    const m = await h.inbound(h.accepted(p, { channel: 'whatsapp' }));
    await turnFor(m.twilioSid);
    await h.inbound(m, `${m.twilioSid}:again`);
    await waitFor(() => h.turnPublishes.filter((t) => t.twilioSid === m.twilioSid).length === 2);
    expect(await stored()).toBe(before + 1);
  });

  it("tells the live stream, on the workspace's subject: the chat opened, each message with the unread count, the close", async () => {
    const p = h.party();
    const activity = h.nats.collect(ChatActivity, chatActivitySubject(p.workspace.id));
    const m = h.accepted(p, { channel: 'whatsapp', body: 'first' });
    await h.inbound(m);
    await turnFor(m.twilioSid);
    const second = await h.inbound(h.accepted(p, { channel: 'whatsapp', body: 'second' }));
    await turnFor(second.twilioSid);
    await waitFor(() => activity.length === 3, { message: 'three activity events' });
    expect(activity.map((a) => [a.type, a.message?.body ?? null, a.chat.unreadCount])).toEqual([
      ['chat.opened', null, 1],
      ['message.created', 'first', 1],
      ['message.created', 'second', 2],
    ]);
    await h.nats.request(CloseChat, { workspaceId: p.workspace.id, chatId: activity[0].chat.id });
    await waitFor(() => activity.length === 4, { message: 'the close' });
    expect(activity[3]).toMatchObject({ type: 'chat.closed', chat: { status: 'closed' } });
  });

  it('dead-lettered nothing along the way', async () => {
    expect(await h.deadLetterCount()).toBe(0);
  });
});
