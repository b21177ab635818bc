import { randomUUID } from 'node:crypto';
import {
  AppError,
  ChatTurnReady,
  CreateWorkflow,
  GetWorkflow,
  UpdateWorkflow,
  ListWorkflowVersions,
  type Channel,
  type Member,
  type PhoneNumber,
  type WorkspaceSummary,
} from '@app/contracts';
import type { RunningService } from '@app/runtime';
import { startInMemoryTracing } from '@app/telemetry';
import { SpanStatusCode } from '@opentelemetry/api';
import { NatsTestClient, ScriptedLlm, serviceEnv, staysFalse, uniqueNamespace, waitFor } from '@app/testing';
import { FALLBACK_REPLY } from '../agent/agent-runner';
import { startWorkflow } from '../start';
import { ConversationStarter } from './conversation-starter';
import { EngineNeighbours } from './testing/fake-neighbours';

const spans = startInMemoryTracing('workflow-test');
const ns = uniqueNamespace();
let service: RunningService;
let nats: NatsTestClient;
let llm: ScriptedLlm;
let fake: EngineNeighbours;

beforeAll(async () => {
  llm = await ScriptedLlm.start();
  nats = await NatsTestClient.connect(ns);
  fake = EngineNeighbours.start(nats);
  service = await startWorkflow(
    serviceEnv(ns, 'workflow', {
      LLM_BASE_URL: llm.baseUrl,
      LLM_MODEL: 'scripted',
      LLM_TIMEOUT_MS: '1000',
      AGENT_TIMEOUT_MS: '8000',
    }),
  );
});

afterAll(async () => {
  await service?.close();
  await nats?.close();
  await llm?.stop();
});

beforeEach(() => llm.reset());

interface Setup {
  workspace: WorkspaceSummary;
  phoneNumber: PhoneNumber;
  member: Member;
  workflowId: string;
}

/** A fresh workspace with a number whose default workflow has these steps. */
async function setup(
  definition: unknown[] | string,
  options: { features?: Array<'whatsapp'>; brandName?: string; number?: Partial<PhoneNumber> } = {},
): Promise<Setup> {
  const workspace = fake.workspace(options.features ?? ['whatsapp']);
  const workflow = await nats.request(CreateWorkflow, {
    workspaceId: workspace.id,
    name: 'Support',
    definition,
  });
  const phoneNumber = fake.number(workspace.id, {
    defaultWorkflowId: workflow.id,
    brandName: options.brandName ?? null,
    ...options.number,
  });
  return { workspace, phoneNumber, member: fake.member(workspace.id), workflowId: workflow.id };
}

function chat(s: Setup, channel: Channel = 'whatsapp') {
  return {
    workspace: s.workspace,
    phoneNumber: s.phoneNumber,
    member: s.member,
    channel,
    chatId: randomUUID(),
  };
}

const publishTurn = (event: ChatTurnReady, msgId = `turn:${event.twilioSid}`) =>
  nats.publish(ChatTurnReady, event, msgId);
const replies = async (chatId: string, count: number) =>
  waitFor(() => (fake.repliesTo(chatId).length >= count ? fake.repliesTo(chatId) : null), {
    message: `${count} repl(ies) in chat ${chatId}`,
  });

describe('workflow engine', () => {
  it('sends a reply step rendered as plain text (no HTML escaping), once per turn', async () => {
    const s = await setup(
      [{ reply: 'Hi {{member.first_name}}, {{brand.name}} got "{{message.body}}" & will answer <soon>.' }],
      { brandName: 'Fish & Chips' },
    );
    const c = chat(s, 'sms');
    const event = fake.inbound(c, 'Is 5 > 3? {{member.phone}}');
    await publishTurn(event);
    const [reply] = await replies(c.chatId, 1);
    expect(reply).toEqual({
      idempotencyKey: `reply:${event.twilioSid}:1`,
      workspaceId: s.workspace.id,
      phoneNumberId: s.phoneNumber.id,
      memberId: s.member.id,
      channel: 'sms',
      body: 'Hi Zoë, Fish & Chips got "Is 5 > 3? {{member.phone}}" & will answer <soon>.',
      kind: 'reply',
      chatId: c.chatId,
      // The message it answers, so outbound knows the 24-hour window is open.
      inReplyTo: { twilioSid: event.twilioSid, receivedAt: event.receivedAt },
      origin: { service: 'workflow', ref: `turn:${event.twilioSid}` },
    });
    // Template replies read no history: chats is not asked for the chat's messages.
    expect(fake.listed).not.toContain(c.chatId);

    // A redelivery (JetStream after a crash: same payload, new delivery) does not run the turn again.
    await publishTurn(event, `redelivery:${event.twilioSid}`);
    expect(await staysFalse(() => fake.repliesTo(c.chatId).length > 1, 700)).toBe(true);
  });

  it('sends a reply step with its media: each URL rendered from the context, with the text', async () => {
    const s = await setup([
      {
        reply: 'Here is your map, {{member.first_name}}.',
        media: ['https://files.example.com/maps/{{chat.channel}}.png', 'https://files.example.com/hours.pdf'],
      },
      // A URL that renders empty is refused before outbound: that reply is skipped, the turn goes on.
      { reply: 'Skipped', media: ['{{member.attributes.nothing}}'] },
      { reply: 'Anything else?' },
    ]);
    const c = chat(s);
    await publishTurn(fake.inbound(c, 'where are you?'));
    const sent = await replies(c.chatId, 2);
    expect(sent.map((r) => [r.body, r.mediaUrls])).toEqual([
      [
        'Here is your map, Zoë.',
        ['https://files.example.com/maps/whatsapp.png', 'https://files.example.com/hours.pdf'],
      ],
      ['Anything else?', undefined],
    ]);
    expect(await staysFalse(() => fake.repliesTo(c.chatId).length > 2, 500)).toBe(true);
  });

  it('sends quick-reply buttons with a reply, and a press branches on its payload (SMS lists them as text)', async () => {
    const s = await setup(`
- if: message.button_payload == ""
  then:
    - reply: "Shall I book Friday at 10?"
      buttons:
        - { id: "book:fri-10", title: "Yes, book it" }
        - { id: "other", title: "Another time" }
  else:
    - if: message.button_payload.startsWith("book:")
      then:
        - reply: "Booked ({{message.button_payload}}, you said {{message.button_text}})."
      else:
        - reply: "Which day suits you?"
`);
    const wa = chat(s, 'whatsapp');
    await publishTurn(fake.inbound(wa, 'hi'));
    const [offer] = await replies(wa.chatId, 1);
    expect(offer).toMatchObject({
      body: 'Shall I book Friday at 10?',
      interactive: {
        type: 'buttons',
        buttons: [
          { id: 'book:fri-10', title: 'Yes, book it' },
          { id: 'other', title: 'Another time' },
        ],
      },
    });
    await publishTurn(
      fake.inbound(wa, 'Yes, book it', {
        choice: { kind: 'button', id: 'book:fri-10', title: 'Yes, book it' },
      }),
    );
    const answered = await replies(wa.chatId, 2);
    expect(answered[1].body).toBe('Booked (book:fri-10, you said Yes, book it).');

    const sms = chat(s, 'sms');
    await publishTurn(fake.inbound(sms, 'hi'));
    const [text] = await replies(sms.chatId, 1);
    expect(text.body).toBe('Shall I book Friday at 10?\n- Yes, book it\n- Another time');
    expect(text.interactive).toBeUndefined();
  });

  it('branches on chat.channel: SMS and WhatsApp get different replies', async () => {
    const s = await setup(
      `
- if: chat.channel == "whatsapp"
  then:
    - reply: "Thanks for your WhatsApp, {{member.first_name}}."
  else:
    - reply: "Thanks for your text."
`,
    );
    const wa = chat(s, 'whatsapp');
    const sms = chat(s, 'sms');
    await publishTurn(fake.inbound(wa, 'hello'));
    await publishTurn(fake.inbound(sms, 'hello'));
    expect((await replies(wa.chatId, 1)).map((r) => [r.channel, r.body])).toEqual([
      ['whatsapp', 'Thanks for your WhatsApp, Zoë.'],
    ]);
    expect((await replies(sms.chatId, 1)).map((r) => [r.channel, r.body])).toEqual([
      ['sms', 'Thanks for your text.'],
    ]);
  });

  it("answers with the agent's text, giving the model the chat history and the instructions", async () => {
    const s = await setup(
      [{ agent: { instructions: 'You are the history-test assistant.', abilities: [] } }],
      { brandName: 'Bistro' },
    );
    const c = chat(s);
    fake.store(c.chatId, { direction: 'inbound', body: 'When do you open?' });
    fake.store(c.chatId, { direction: 'outbound', body: 'We open at 9.' });
    llm.script({ text: 'We are closed on Sundays.' });
    const event = fake.inbound(c, 'And on Sunday?', {
      media: [{ url: 'https://api.twilio.com/media/ME1', contentType: 'image/jpeg' }],
    });
    await publishTurn(event);
    const [reply] = await replies(c.chatId, 1);
    expect(reply.body).toBe('We are closed on Sundays.');
    expect(reply.idempotencyKey).toBe(`reply:${event.twilioSid}:1`);
    // While it thought, the member saw us typing on their message (WhatsApp).
    expect(fake.typing).toContainEqual({ messageSid: event.twilioSid, channel: 'whatsapp' });

    const [request] = llm.requestsWith('history-test');
    expect(request.model).toBe('scripted');
    expect(request.tools).toBeUndefined();
    expect(request.messages[0].content).toContain('You are the history-test assistant.');
    expect(request.messages[0].content).toContain('Bistro');
    expect(request.messages[0].content).toContain('WhatsApp');
    expect(request.messages[0].content).toContain('Zoë');
    expect(request.messages.slice(1)).toEqual([
      { role: 'user', content: 'When do you open?' },
      { role: 'assistant', content: 'We open at 9.' },
      { role: 'user', content: 'And on Sunday?\n[The member sent a file (image/jpeg) that cannot be read.]' },
    ]);
    // No phone number reaches the model; no body or number lands on a span.
    expect(JSON.stringify(request)).not.toContain(s.member.phone);
    const attributes = JSON.stringify(spans.getFinishedSpans().map((sp) => sp.attributes));
    expect(attributes).toContain('gen_ai.request.model');
    expect(attributes).not.toContain('Sunday');
    expect(attributes).not.toContain(s.member.phone);
  });

  it('gives the model the newest messages of a long chat, as many as the step asks for', async () => {
    const s = await setup([
      { agent: { instructions: 'newest-history-test', abilities: [], history: { messages: 4 } } },
    ]);
    const c = chat(s);
    for (let i = 1; i <= 260; i++)
      fake.store(c.chatId, { direction: i % 2 ? 'inbound' : 'outbound', body: `message ${i}` });
    llm.script({ text: 'Noted.' });
    await publishTurn(fake.inbound(c, 'And now?'));
    await replies(c.chatId, 1);
    const [request] = llm.requestsWith('newest-history-test');
    // 260 earlier messages: the newest four, in order, then what is answered.
    expect(request.messages.slice(1)).toEqual([
      { role: 'user', content: 'message 257' },
      { role: 'assistant', content: 'message 258' },
      { role: 'user', content: 'message 259' },
      { role: 'assistant', content: 'message 260' },
      { role: 'user', content: 'And now?' },
    ]);
  });

  it('runs send_whatsapp_message through outbound and tells the model the outcome', async () => {
    const s = await setup([
      {
        agent: {
          instructions: 'tool-test: send on WhatsApp.',
          abilities: ['send_whatsapp_message', 'end_chat'],
        },
      },
    ]);
    const c = chat(s, 'sms');
    llm.script(
      {
        toolCalls: [
          {
            name: 'send_whatsapp_message',
            arguments: {
              message: 'Your code is 1234 & valid today',
              media_urls: ['https://files.example.com/code.png'],
            },
          },
        ],
      },
      { text: 'Sent it to your WhatsApp.' },
    );
    const event = fake.inbound(c, 'Send me the code on WhatsApp please');
    await publishTurn(event);
    const [reply] = await replies(c.chatId, 1);
    expect(reply.body).toBe('Sent it to your WhatsApp.');

    const send = fake.sendRequests.find((r) => r.memberId === s.member.id);
    expect(send).toMatchObject({
      channel: 'whatsapp',
      kind: 'system',
      body: 'Your code is 1234 & valid today',
      mediaUrls: ['https://files.example.com/code.png'],
      phoneNumberId: s.phoneNumber.id,
      idempotencyKey: `ability:${event.twilioSid}:1`,
      origin: { service: 'workflow', ref: `turn:${event.twilioSid}` },
    });
    // The SMS chat does not hold a WhatsApp message.
    expect(send?.chatId).toBeUndefined();

    const [first, second] = llm.requestsWith('tool-test');
    expect(first.tools?.map((t) => t.function.name)).toEqual(['send_whatsapp_message', 'end_chat']);
    const toolResult = second.messages.find((m) => m.role === 'tool');
    expect(JSON.parse(typeof toolResult?.content === 'string' ? toolResult.content : '{}')).toEqual({
      status: 'queued',
      reason: null,
    });
  });

  it('lets the agent offer quick-reply buttons through send_whatsapp_message, and refuses bad ones', async () => {
    const s = await setup([
      { agent: { instructions: 'buttons-test: offer a choice.', abilities: ['send_whatsapp_message'] } },
    ]);
    const c = chat(s, 'whatsapp');
    const buttons = [
      { id: 'slot:fri', title: 'Friday 10:00' },
      { id: 'slot:mon', title: 'Monday 9:00' },
    ];
    llm.script(
      { toolCalls: [{ name: 'send_whatsapp_message', arguments: { message: 'Which slot?', buttons } }] },
      {
        toolCalls: [
          {
            name: 'send_whatsapp_message',
            arguments: { message: 'Or?', buttons: [{ id: 'x', title: 'A title far over twenty' }] },
          },
        ],
      },
      { text: 'Pick one above.' },
    );
    const event = fake.inbound(c, 'I need an appointment');
    await publishTurn(event);
    await replies(c.chatId, 1);
    const sends = fake.sendRequests.filter((r) => r.memberId === s.member.id && r.kind === 'system');
    expect(sends).toEqual([
      expect.objectContaining({ body: 'Which slot?', interactive: { type: 'buttons', buttons } }),
    ]);
    const [first, , third] = llm.requestsWith('buttons-test');
    const tool = first.tools?.find((t) => t.function.name === 'send_whatsapp_message');
    expect(JSON.stringify(tool?.function.parameters)).toContain('"buttons"');
    const refusal = third.messages.filter((m) => m.role === 'tool').at(-1);
    expect(JSON.stringify(refusal?.content)).toContain('at most 20 characters');
  });

  it('does not offer send_whatsapp_message when the workspace lacks the WhatsApp feature', async () => {
    const s = await setup(
      [
        {
          agent: {
            instructions: 'feature-off-test.',
            abilities: ['send_whatsapp_message', 'send_sms_message'],
          },
        },
      ],
      { features: [] },
    );
    const c = chat(s, 'sms');
    llm.script({ text: 'Hello!' });
    await publishTurn(fake.inbound(c, 'hi'));
    await replies(c.chatId, 1);
    const [request] = llm.requestsWith('feature-off-test');
    expect(request.tools?.map((t) => t.function.name)).toEqual(['send_sms_message']);
  });

  it('offers handoff_to_human on a number in ai_with_handoff mode: the chat waits with the reason, the answer goes out, later steps and turns do not', async () => {
    const s = await setup(
      [{ agent: { instructions: 'handoff-test.', abilities: ['end_chat'] } }, { reply: 'A later step' }],
      {
        number: {
          workMode: 'ai_with_handoff',
          handoffTimeoutSeconds: 120,
          holdingMessage: 'Thanks for waiting.',
        },
      },
    );
    const c = chat(s);
    llm.script(
      { toolCalls: [{ name: 'handoff_to_human', arguments: { reason: 'Asks for a refund.' } }] },
      { text: 'A colleague will follow up shortly.' },
    );
    await publishTurn(fake.inbound(c, 'I want my money back'));
    const [reply] = await replies(c.chatId, 1);
    expect(reply.body).toBe('A colleague will follow up shortly.');
    expect(fake.handoffs.filter((h) => h.chatId === c.chatId)).toEqual([
      {
        chatId: c.chatId,
        reason: 'Asks for a refund.',
        holding: { handoffTimeoutSeconds: 120, holdingMessage: 'Thanks for waiting.' },
      },
    ]);
    const [first, second] = llm.requestsWith('handoff-test');
    expect(first.tools?.map((t) => t.function.name)).toEqual(['end_chat', 'handoff_to_human']);
    const toolResult = second.messages.find((m) => m.role === 'tool');
    expect(toolResult?.content).toBe(JSON.stringify({ status: 'handed_off' }));

    // The chat now waits for a person: the member's next message gets no turn.
    await publishTurn(fake.inbound(c, 'Hello?'));
    expect(await staysFalse(() => fake.repliesTo(c.chatId).length > 1, 1000)).toBe(true);
    expect(llm.requestsWith('handoff-test')).toHaveLength(2);
  });

  it('goes by the hold the turn event carries, and asks chats when an earlier turn may have handed the chat off since', async () => {
    const held = { actor: 'user:1', name: 'Ann', since: new Date().toISOString() };
    const ai = await setup([{ reply: 'ai answer' }]);
    const heldChat = chat(ai);
    await publishTurn(fake.inbound(heldChat, 'hello?', { chat: { heldBy: held, waitingSince: null } }));
    const freeChat = chat(ai);
    await publishTurn(fake.inbound(freeChat, 'hi', { chat: { heldBy: null, waitingSince: null } }));
    await replies(freeChat.chatId, 1);

    // The event says free (stored before an earlier turn handed the chat off); chats says waiting.
    const handoff = await setup([{ reply: 'handoff answer' }], { number: { workMode: 'ai_with_handoff' } });
    const handedOff = chat(handoff);
    fake.chats.set(handedOff.chatId, {
      ...fake.chat(handoff.workspace.id, { id: handedOff.chatId }),
      waitingSince: new Date().toISOString(),
    });
    await publishTurn(
      fake.inbound(handedOff, 'still there?', { chat: { heldBy: null, waitingSince: null } }),
    );
    // Its own new chat: nothing can have handed it off, the event's hold is the one.
    const fresh = chat(handoff);
    await publishTurn(
      fake.inbound(fresh, 'first', { chatCreated: true, chat: { heldBy: null, waitingSince: null } }),
    );
    await replies(fresh.chatId, 1);

    expect(
      await staysFalse(
        () => fake.repliesTo(heldChat.chatId).length > 0 || fake.repliesTo(handedOff.chatId).length > 0,
        500,
      ),
    ).toBe(true);
  });

  it('does not offer handoff_to_human on a number in ai mode, even when the step lists it', async () => {
    const s = await setup([{ agent: { instructions: 'no-handoff-test.', abilities: ['handoff_to_human'] } }]);
    const c = chat(s);
    llm.script({ text: 'Hello!' });
    await publishTurn(fake.inbound(c, 'hi'));
    await replies(c.chatId, 1);
    const [request] = llm.requestsWith('no-handoff-test');
    expect(request.tools ?? []).toEqual([]);
  });

  it('sends the fallback reply when the model fails (HTTP 500, garbage, timeout)', async () => {
    const s = await setup([{ agent: { instructions: 'failure-test.', abilities: [] } }]);
    const chats = [chat(s), chat(s), chat(s)];
    llm.script({ status: 500 });
    await publishTurn(fake.inbound(chats[0], 'one'));
    expect((await replies(chats[0].chatId, 1))[0].body).toBe(FALLBACK_REPLY);
    llm.script({ garbage: '<html>definitely not json' });
    await publishTurn(fake.inbound(chats[1], 'two'));
    expect((await replies(chats[1].chatId, 1))[0].body).toBe(FALLBACK_REPLY);
    llm.script({ hang: true });
    await publishTurn(fake.inbound(chats[2], 'three'));
    expect((await replies(chats[2].chatId, 1))[0].body).toBe(FALLBACK_REPLY);
    expect(llm.requestsWith('failure-test')).toHaveLength(3);

    // Each failed call is an errored span of its own, in the turn's trace.
    const failed = spans
      .getFinishedSpans()
      .filter((sp) => sp.name === 'agent model call' && sp.status.code === SpanStatusCode.ERROR);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.map((sp) => sp.attributes['gen_ai.request.model'])).toContain('scripted');
  });

  it('refuses a bad definition with an error that points at the step', async () => {
    const workspaceId = randomUUID();
    const refuse = async (definition: unknown[] | string) => {
      const error = await nats
        .request(CreateWorkflow, { workspaceId, name: 'Bad', definition })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_input');
      return (error as AppError).message;
    };
    expect(await refuse([{ reply: 'ok' }, { if: 'chat.channel == ', then: [] }])).toBe(
      'definition is not valid: steps[1].if: CEL syntax error at column 17: Unexpected token: EOF',
    );
    expect(
      await refuse([
        { reply: 'ok' },
        { reply: 'ok' },
        { agent: { instructions: 'x', abilities: ['send_fax'] } },
      ]),
    ).toBe(
      'definition is not valid: steps[2].agent.abilities[0]: unknown ability "send_fax" (known: send_whatsapp_message, send_sms_message, end_chat, handoff_to_human)',
    );
    const list = `[${Array.from({ length: 30 }, (_, i) => i + 1).join(',')}]`;
    expect(
      await refuse([
        {
          if: `${list}.exists(a, ${list}.exists(b, ${list}.exists(c, message.body == string(a))))`,
          then: [],
        },
      ]),
    ).toMatch(
      /^definition is not valid: steps\[0\]\.if: CEL error: too costly to evaluate: .* more than the limit of 10,000/,
    );
    expect(await refuse([{ say: 'hi' }])).toBe(
      'definition is not valid: steps[0]: a step needs exactly one of reply, if, agent',
    );
  });

  it('keeps a chat on the version it started with; new chats get the latest', async () => {
    const s = await setup([{ reply: 'version one' }]);
    const old = chat(s);
    await publishTurn(fake.inbound(old, 'first'));
    await replies(old.chatId, 1);

    const updated = await nats.request(UpdateWorkflow, {
      workspaceId: s.workspace.id,
      workflowId: s.workflowId,
      name: 'Support',
      definition: [{ reply: 'version two' }],
    });
    expect(updated.version).toBe(2);
    expect(
      (await nats.request(GetWorkflow, { workspaceId: s.workspace.id, workflowId: s.workflowId })).definition,
    ).toEqual([{ reply: 'version two' }]);
    // Another workspace does not see it.
    await expect(
      nats.request(GetWorkflow, { workspaceId: randomUUID(), workflowId: s.workflowId }),
    ).rejects.toMatchObject({ code: 'not_found' });
    // Every version is kept, newest first, each with its own steps.
    const versions = await nats.request(ListWorkflowVersions, {
      workspaceId: s.workspace.id,
      workflowId: s.workflowId,
    });
    expect(versions.items.map((v) => [v.version, v.definition])).toEqual([
      [2, [{ reply: 'version two' }]],
      [1, [{ reply: 'version one' }]],
    ]);
    expect(versions.items[0].createdAt).toBe(versions.items[1].createdAt);
    await expect(
      nats.request(ListWorkflowVersions, { workspaceId: randomUUID(), workflowId: s.workflowId }),
    ).rejects.toMatchObject({ code: 'not_found' });

    const fresh = chat(s);
    await publishTurn(fake.inbound(old, 'second'));
    await publishTurn(fake.inbound(fresh, 'hello'));
    expect((await replies(old.chatId, 2)).map((r) => r.body)).toEqual(['version one', 'version one']);
    expect((await replies(fresh.chatId, 1)).map((r) => r.body)).toEqual(['version two']);
  });

  it('answers messages that arrive during a slow model call together, in one turn', async () => {
    const s = await setup([{ agent: { instructions: 'burst-test.', abilities: [] } }]);
    const c = chat(s);
    llm.script({ text: 'Answer to the first.', delayMs: 700 }, { text: 'Answer to both.' });
    await publishTurn(fake.inbound(c, 'first'));
    await waitFor(() => llm.requestsWith('burst-test').length === 1, { message: 'the first model call' });
    // Two more while the model thinks: chats stores them and publishes their turns.
    await publishTurn(fake.inbound(c, 'second'));
    await publishTurn(fake.inbound(c, 'third'));

    expect((await replies(c.chatId, 2)).map((r) => r.body)).toEqual([
      'Answer to the first.',
      'Answer to both.',
    ]);
    const requests = llm.requestsWith('burst-test');
    expect(requests).toHaveLength(2);
    expect(requests[1].messages.slice(-2)).toEqual([
      { role: 'user', content: 'second' },
      { role: 'user', content: 'third' },
    ]);
    // The third message's own turn finds it answered.
    expect(
      await staysFalse(
        () => fake.repliesTo(c.chatId).length > 2 || llm.requestsWith('burst-test').length > 2,
        700,
      ),
    ).toBe(true);
  });

  it('does not answer a member who replied STOP, before or during the turn', async () => {
    const s = await setup([{ agent: { instructions: 'stop-test.', abilities: [] } }]);
    const before = chat(s);
    await publishTurn(fake.inbound(before, 'STOP', { keyword: 'opt_out', memberOptedOut: true }));
    await publishTurn(fake.inbound(before, 'are you there?', { memberOptedOut: true }));

    const during = { ...chat(s), member: fake.member(s.workspace.id) };
    llm.script({ text: 'Too late.', delayMs: 400 });
    await publishTurn(fake.inbound(during, 'question'));
    await waitFor(() => llm.requestsWith('stop-test').length === 1, { message: 'the model call' });
    fake.optedOut.add(during.member.id);

    expect(
      await staysFalse(
        () => fake.repliesTo(before.chatId).length > 0 || fake.repliesTo(during.chatId).length > 0,
        1000,
      ),
    ).toBe(true);
    // The opted-out member never reached the model.
    expect(llm.requestsWith('stop-test')).toHaveLength(1);
  });

  it('starts a chat with a workflow: the initial message is the user turn, sends are system sends', async () => {
    const s = await setup([{ agent: { instructions: 'start-test.', abilities: [] } }]);
    const starter = service.app.get(ConversationStarter, { strict: false });
    llm.script({ text: 'Hi Zoë, your table is ready.' });
    const input = {
      idempotencyKey: `rule-run:${randomUUID()}`,
      workspace: s.workspace,
      phoneNumber: s.phoneNumber,
      member: s.member,
      channel: 'whatsapp' as const,
      workflowId: s.workflowId,
      initialMessage: 'Tell me about my booking',
    };
    const { chatId } = await starter.startChat(input);
    const [reply] = await replies(chatId, 1);
    expect(reply).toMatchObject({
      kind: 'system',
      channel: 'whatsapp',
      body: 'Hi Zoë, your table is ready.',
    });
    expect(llm.requestsWith('start-test')[0].messages.slice(1)).toEqual([
      { role: 'user', content: 'Tell me about my booking' },
    ]);

    // The same start again (a redelivered rule event) opens nothing new and sends nothing new.
    expect(await starter.startChat(input)).toEqual({ chatId });
    expect(await staysFalse(() => fake.repliesTo(chatId).length > 1, 500)).toBe(true);
    await expect(
      starter.startChat({ ...input, idempotencyKey: randomUUID(), member: { ...s.member, optedOut: true } }),
    ).rejects.toMatchObject({ code: 'rule_violation' });
  });
});
