import { randomUUID } from 'node:crypto';
import { CloseChat, ListChatMessages, ListChats, type ChatMessage } from '@app/contracts';
import { staysFalse, waitFor } from '@app/testing';
import { ChatsHarness, randomSid } from '../testing/chats-harness';
import { RecordOutboundUpdateUseCase } from './record-outbound-update.usecase';

jest.setTimeout(30_000);

describe('chats: outbound messages and their delivery status (real Postgres and NATS)', () => {
  const h = ChatsHarness.forSuite();

  /** The message of a send, once it satisfies `until`, found through the workspace's chats. */
  async function messageOf(
    workspaceId: string,
    sendId: string,
    until: (m: ChatMessage) => boolean = () => true,
  ): Promise<ChatMessage> {
    return waitFor(
      async () => {
        for (const chat of (await h.nats.request(ListChats, { workspaceId })).items) {
          const found = (await h.nats.request(ListChatMessages, { workspaceId, chatId: chat.id })).items.find(
            (m) => m.sendId === sendId,
          );
          if (found && until(found)) return found;
        }
        return undefined;
      },
      { message: `the message of send ${sendId}` },
    );
  }

  it('follows queued, sent, delivered and keeps delivered when a late sent arrives', async () => {
    const p = h.party();
    const sendId = randomUUID();
    const twilioSid = randomSid();
    await h.outbound(h.update(p, { sendId, status: 'queued' }));
    await messageOf(p.workspace.id, sendId, (m) => m.status === 'queued');
    await h.outbound(h.update(p, { sendId, status: 'sent' }));
    await h.outbound(h.update(p, { sendId, status: 'delivered' }));
    await messageOf(p.workspace.id, sendId, (m) => m.status === 'delivered');
    // Twilio's late callback, republished by outbound under another msgId. It is the first update
    // to carry the SID: once the SID shows, the late update has been applied (one send's updates run in order).
    await h.outbound(h.update(p, { sendId, status: 'sent', twilioSid }), `${sendId}:sent:late`);
    const after = await messageOf(p.workspace.id, sendId, (m) => m.twilioSid === twilioSid);
    expect(after).toMatchObject({
      direction: 'outbound',
      status: 'delivered',
      body: 'Thanks for writing',
      errorCode: null,
    });
    await h.outbound(h.update(p, { sendId, status: 'read', twilioSid }));
    await messageOf(p.workspace.id, sendId, (m) => m.status === 'read');
  });

  it('records a failure with its error code and reason, and a delivery reported after it wins', async () => {
    const p = h.party();
    const sendId = randomUUID();
    const twilioSid = randomSid();
    const reason = 'Outside the 24-hour window: only an approved template can be delivered (63016).';
    await h.outbound(h.update(p, { sendId, status: 'pending' }));
    await h.outbound(h.update(p, { sendId, status: 'failed', errorCode: '63016', reason, twilioSid }));
    const failed = await messageOf(p.workspace.id, sendId, (m) => m.status === 'failed');
    expect(failed).toMatchObject({ errorCode: '63016', errorReason: reason, twilioSid });

    const other = randomUUID();
    await h.outbound(
      h.update(p, { sendId: other, status: 'failed', errorCode: '63016', reason, twilioSid: randomSid() }),
    );
    await messageOf(p.workspace.id, other);
    await h.outbound(h.update(p, { sendId: other, status: 'delivered', twilioSid: null }));
    expect(await messageOf(p.workspace.id, other, (m) => m.status === 'delivered')).toMatchObject({
      errorCode: null,
      errorReason: null,
    });
  });

  it('ignores a failure reported after the delivery', async () => {
    const p = h.party();
    const sendId = randomUUID();
    await h.outbound(h.update(p, { sendId, status: 'delivered' }));
    await messageOf(p.workspace.id, sendId, (m) => m.status === 'delivered');
    await h.outbound(h.update(p, { sendId, status: 'failed', errorCode: '30008', reason: 'Unknown error' }));
    // A late `sent` bringing the SID marks the point where the failure has been applied.
    const twilioSid = randomSid();
    await h.outbound(h.update(p, { sendId, status: 'sent', twilioSid }));
    expect(await messageOf(p.workspace.id, sendId, (m) => m.twilioSid === twilioSid)).toMatchObject({
      status: 'delivered',
      errorCode: null,
      errorReason: null,
    });
  });

  it('puts a reply in the chat of the turn it answers, after the member message', async () => {
    const p = h.party();
    const inbound = await h.inbound(h.accepted(p, { channel: 'whatsapp', body: 'question' }));
    const turn = await waitFor(() => h.turnPublishes.find((t) => t.twilioSid === inbound.twilioSid));
    const sendId = randomUUID();
    await h.outbound(h.update(p, { sendId, status: 'pending', chatId: turn.chatId, body: 'answer' }));
    await messageOf(p.workspace.id, sendId);
    const { items } = await h.nats.request(ListChatMessages, {
      workspaceId: p.workspace.id,
      chatId: turn.chatId,
    });
    expect(items.map((m) => [m.direction, m.body])).toEqual([
      ['inbound', 'question'],
      ['outbound', 'answer'],
    ]);
    expect((await h.nats.request(ListChats, { workspaceId: p.workspace.id })).items).toHaveLength(1);
  });

  it('keeps the media URLs a send carried on its chat message', async () => {
    const p = h.party();
    const sendId = randomUUID();
    const mediaUrls = ['https://cdn.example.com/menu.jpg'];
    await h.outbound(h.update(p, { sendId, status: 'pending', kind: 'system', mediaUrls }));
    const message = await messageOf(p.workspace.id, sendId);
    expect(message.media).toEqual([{ url: 'https://cdn.example.com/menu.jpg', contentType: '' }]);
  });

  it('opens a chat for a send the system starts, and keeps later sends of that member in it', async () => {
    const p = h.party();
    const first = randomUUID();
    await h.outbound(
      h.update(p, {
        sendId: first,
        status: 'pending',
        kind: 'system',
        contentSid: 'HX0123456789abcdef0123456789abcdef',
        body: null,
      }),
    );
    const message = await messageOf(p.workspace.id, first);
    expect(message).toMatchObject({
      contentSid: 'HX0123456789abcdef0123456789abcdef',
      body: null,
      status: 'pending',
    });
    const second = randomUUID();
    await h.outbound(h.update(p, { sendId: second, status: 'pending', kind: 'system' }));
    await messageOf(p.workspace.id, second);
    const { items } = await h.nats.request(ListChats, { workspaceId: p.workspace.id });
    expect(items).toEqual([
      expect.objectContaining({
        memberId: p.member.id,
        channel: 'whatsapp',
        status: 'open',
        id: message.chatId,
      }),
    ]);
  });

  it('stores a send once, however often its update is delivered', async () => {
    const p = h.party();
    const sendId = randomUUID();
    const update = h.update(p, { sendId, status: 'queued' });
    await Promise.all([
      h.outbound(update),
      h.outbound(update, `${sendId}:again`),
      h.outbound(update, `${sendId}:again2`),
    ]);
    const message = await messageOf(p.workspace.id, sendId);
    const marker = randomUUID();
    await h.outbound(h.update(p, { sendId: marker, status: 'queued' }));
    await messageOf(p.workspace.id, marker);
    const { items } = await h.nats.request(ListChatMessages, {
      workspaceId: p.workspace.id,
      chatId: message.chatId,
    });
    expect(items.filter((m) => m.sendId === sendId)).toHaveLength(1);
  });

  it('keeps a reply in its chat even when the chat was closed meanwhile', async () => {
    const p = h.party();
    const inbound = await h.inbound(h.accepted(p, { channel: 'sms' }));
    const turn = await waitFor(() => h.turnPublishes.find((t) => t.twilioSid === inbound.twilioSid));
    await h.nats.request(CloseChat, { workspaceId: p.workspace.id, chatId: turn.chatId });
    const sendId = randomUUID();
    await h.outbound(h.update(p, { sendId, status: 'pending', chatId: turn.chatId, channel: 'sms' }));
    expect(await messageOf(p.workspace.id, sendId)).toMatchObject({ chatId: turn.chatId });
    expect((await h.nats.request(ListChats, { workspaceId: p.workspace.id })).items).toHaveLength(1);
  });

  it('stores no chat for a send to an address (no member, no chat)', async () => {
    const p = h.party();
    const sendId = randomUUID();
    await h.outbound(
      h.update(p, {
        sendId,
        status: 'skipped',
        memberId: null,
        reason: 'Phone number does not have WhatsApp enabled.',
      }),
    );
    expect(
      await staysFalse(
        async () => (await h.nats.request(ListChats, { workspaceId: p.workspace.id })).items.length > 0,
        500,
      ),
    ).toBe(true);
    // A later send with a member lands, and its chat holds only its own message.
    const marker = randomUUID();
    await h.outbound(h.update(p, { sendId: marker, status: 'queued' }));
    const stored = await messageOf(p.workspace.id, marker);
    const { items } = await h.nats.request(ListChatMessages, {
      workspaceId: p.workspace.id,
      chatId: stored.chatId,
    });
    expect(items.map((m) => m.sendId)).toEqual([marker]);
    expect(await h.deadLetterCount()).toBe(0);
  });

  it('stores one message when replicas handle updates of one new send at once, each applied', async () => {
    const p = h.party();
    const sendId = randomUUID();
    const twilioSid = randomSid();
    const record = h.service.app.get(RecordOutboundUpdateUseCase);
    const outcomes = await Promise.all([
      record.execute(h.update(p, { sendId, status: 'pending' })),
      record.execute(h.update(p, { sendId, status: 'sent', twilioSid })),
      record.execute(h.update(p, { sendId, status: 'queued' })),
    ]);
    expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(1);
    const message = await messageOf(p.workspace.id, sendId);
    expect(message).toMatchObject({ status: 'sent', twilioSid });
    const { items } = await h.nats.request(ListChatMessages, {
      workspaceId: p.workspace.id,
      chatId: message.chatId,
    });
    expect(items).toHaveLength(1);
    expect((await h.nats.request(ListChats, { workspaceId: p.workspace.id })).items).toHaveLength(1);
  });
});
