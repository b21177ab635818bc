import { SEND_REASONS } from '@app/rules';
import { randomPhone, SseReader, staysFalse, waitFor } from '@app/testing';
import { System } from './system';

jest.setTimeout(180_000);

interface Chat {
  id: string;
  heldBy: { actor: string; name: string } | null;
  waitingSince: string | null;
  unreadCount: number;
}
interface Message {
  direction: 'inbound' | 'outbound';
  body: string | null;
  status: string;
}

describe('the inbox, end to end: a person takes over from the AI and hands back', () => {
  const system = System.forSuite();
  let stream: SseReader;

  beforeAll(async () => {
    stream = await SseReader.open(`${system.apiUrl}/v1/stream`, { authorization: `Bearer ${system.ws.key}` });
  });
  afterAll(() => stream?.close());

  const chatOf = (phone: string) => system.chatOf<Chat>(system.ws.key, phone);
  const messagesOf = async (chatId: string) =>
    (await system.ok<{ items: Message[] }>('GET', `/v1/chats/${chatId}/messages`, system.ws.key)).items;

  it('the AI answers; a person takes over; the member writes and no AI reply goes out; the reply reaches the phone; after hand back the AI answers again', async () => {
    const workflow = await system.workflow(system.ws.key, [{ reply: 'Auto: {{message.body}}' }]);
    const number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: workflow.id });
    const phone = randomPhone();
    const say = (body: string) =>
      system.inbound({ from: phone, to: number.number, body, channel: 'whatsapp' });

    await say('Hello');
    expect((await system.waitForSent(phone, 1, 'whatsapp')).map((m) => m.body)).toEqual(['Auto: Hello']);
    const chat = await chatOf(phone);
    expect(chat.heldBy).toBeNull();

    // Replying without holding the chat is refused, and sends nothing.
    const early = await system.api('POST', `/v1/chats/${chat.id}/messages`, system.ws.key, {
      body: 'Too early',
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/Take over the chat/);

    const taken = await system.ok<Chat>('POST', `/v1/chats/${chat.id}/takeover`, system.ws.key);
    expect(taken.heldBy).toMatchObject({ actor: expect.stringMatching(/^api-key:/) });
    // Someone else (another key of the workspace) can neither take it nor hand it back.
    const { key: otherKey } = await system.ok<{ key: string }>(
      'POST',
      `/v1/workspaces/${system.ws.id}/api-keys`,
      'e2e-admin-key-0123456789abcdef',
    );
    expect((await system.api('POST', `/v1/chats/${chat.id}/takeover`, otherKey)).status).toBe(409);
    expect((await system.api('POST', `/v1/chats/${chat.id}/handback`, otherKey)).status).toBe(409);

    await say('Is anyone there?');
    await waitFor(async () => (await messagesOf(chat.id)).some((m) => m.body === 'Is anyone there?'), {
      message: 'the message stored and shown while held',
    });
    const reply = await system.ok<{ status: string }>(
      'POST',
      `/v1/chats/${chat.id}/messages`,
      system.ws.key,
      {
        body: 'Sam here, how can I help?',
      },
    );
    expect(reply.status).not.toMatch(/failed|skipped/);
    await system.waitForSent(phone, 2, 'whatsapp');

    const back = await system.ok<Chat>('POST', `/v1/chats/${chat.id}/handback`, system.ws.key);
    expect(back.heldBy).toBeNull();
    await say('Thanks!');
    const sent = await system.waitForSent(phone, 3, 'whatsapp');
    // The turn of "Is anyone there?" ran before the one of "Thanks!" (one chat's turns are in
    // order): had the AI answered it, its reply would be here.
    expect(sent.map((m) => m.body)).toEqual(['Auto: Hello', 'Sam here, how can I help?', 'Auto: Thanks!']);
    const thread = await waitFor(
      async () => {
        const all = await messagesOf(chat.id);
        return all.length === 6 ? all : undefined;
      },
      { message: 'the six messages of the thread' },
    );
    expect(thread.map((m) => `${m.direction}:${m.body}`)).toEqual([
      'inbound:Hello',
      'outbound:Auto: Hello',
      'inbound:Is anyone there?',
      'outbound:Sam here, how can I help?',
      'inbound:Thanks!',
      'outbound:Auto: Thanks!',
    ]);

    // The live stream told it as it happened, in order.
    const ofChat = () =>
      stream.events
        .filter((e) => (JSON.parse(e.data) as { chat?: { id: string } }).chat?.id === chat.id)
        .map((e) => e.event);
    await waitFor(() => ofChat().filter((t) => t === 'message.created').length === 6, {
      message: 'six messages on the stream',
    });
    const kinds = ofChat().filter((t) => t !== 'message.updated');
    expect(kinds).toEqual([
      'chat.opened',
      'message.created',
      'message.created',
      'chat.taken_over',
      'message.created',
      'message.created',
      'chat.handed_back',
      'message.created',
      'message.created',
    ]);
  });

  it('keywords still work while a person holds the chat: STOP opts the member out and is confirmed', async () => {
    const workflow = await system.workflow(system.ws.key, [{ reply: 'Auto: {{message.body}}' }]);
    const number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: workflow.id });
    const phone = randomPhone();
    await system.inbound({ from: phone, to: number.number, body: 'Hi', channel: 'sms' });
    await system.waitForSent(phone, 1, 'sms');
    const chat = await chatOf(phone);
    await system.ok('POST', `/v1/chats/${chat.id}/takeover`, system.ws.key);
    await system.inbound({ from: phone, to: number.number, body: 'STOP', channel: 'sms' });
    const sent = await system.waitForSent(phone, 2, 'sms');
    expect(sent[1].body).toMatch(/STOP|unsubscribed|no more/i);
    const [member] = await system.membersWithPhone<{ optedOut: boolean }>(system.ws.key, phone);
    expect(member.optedOut).toBe(true);
    // The person's reply is a reply: opt-out stops it.
    const reply = await system.ok<{ status: string; reason: string }>(
      'POST',
      `/v1/chats/${chat.id}/messages`,
      system.ws.key,
      {
        body: 'Sorry to see you go',
      },
    );
    expect(reply.status).toBe('skipped');
  });

  it("a person's WhatsApp reply outside the 24-hour window is refused with 422 and the reason, nothing sent; inside it, it reaches the phone", async () => {
    const workflow = await system.workflow(system.ws.key, [{ reply: 'Auto: {{message.body}}' }]);
    const number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: workflow.id });
    const phone = randomPhone();
    const member = await system.ok<{ id: string }>('POST', '/v1/members', system.ws.key, {
      firstName: 'Ana',
      phone,
      notifyWhatsapp: true,
    });
    // A template the system sent opens the chat; the member has never written.
    await system.ok('POST', '/v1/messages', system.ws.key, {
      phoneNumberId: number.id,
      memberId: member.id,
      channel: 'whatsapp',
      contentSid: 'HX0123456789abcdef0123456789abcdef',
    });
    await system.waitForSent(phone, 1, 'whatsapp');
    const chat = await chatOf(phone);
    await system.ok('POST', `/v1/chats/${chat.id}/takeover`, system.ws.key);

    const outside = await system.api('POST', `/v1/chats/${chat.id}/messages`, system.ws.key, {
      body: 'Hi Ana!',
    });
    expect(outside.status).toBe(422);
    expect(outside.body.message).toBe(SEND_REASONS.outsideWindow);
    expect(await staysFalse(async () => (await system.sentTo(phone, 'whatsapp')).length > 1, 1000)).toBe(
      true,
    );

    // The member writes (held: no AI reply): the window is open and the reply goes out.
    await system.inbound({ from: phone, to: number.number, body: 'Hello?', channel: 'whatsapp' });
    await waitFor(async () => (await messagesOf(chat.id)).some((m) => m.body === 'Hello?'), {
      message: 'the member message in the chat',
    });
    const inside = await system.api('POST', `/v1/chats/${chat.id}/messages`, system.ws.key, {
      body: 'Hi Ana!',
    });
    expect(inside.status).toBe(202);
    const sent = await system.waitForSent(phone, 2, 'whatsapp');
    expect(sent.map((m) => m.contentSid ?? m.body)).toEqual([
      'HX0123456789abcdef0123456789abcdef',
      'Hi Ana!',
    ]);
  });
});
