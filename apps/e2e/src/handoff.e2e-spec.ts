import { randomPhone, SseReader, staysFalse, waitFor } from '@app/testing';
import { ADMIN_KEY, System } from './system';

jest.setTimeout(180_000);

interface Chat {
  id: string;
  heldBy: { actor: string; name: string } | null;
  waitingSince: string | null;
  handoffReason: string | null;
  assignedTo: { actor: string; name: string } | null;
}

const HOLDING = 'Thanks for waiting: a person from Sunrise Dental will answer you shortly.';
const TIMEOUT_SECONDS = 2;

describe('the AI hands a chat to a person, end to end (scripted model)', () => {
  const system = System.forSuite({ llm: true, env: { CHATS_HOLDING_SWEEP_MS: '200' } });
  let stream: SseReader;

  beforeAll(async () => {
    stream = await SseReader.open(`${system.apiUrl}/v1/stream`, { authorization: `Bearer ${system.ws.key}` });
  });
  afterAll(() => stream?.close());

  const queue = async () =>
    (await system.ok<{ items: Chat[] }>('GET', '/v1/chats?waiting=true', system.ws.key)).items;

  it('handoff_to_human: the chat waits in the queue, the AI is silent, the holding message goes out after the timeout; a person takes over, answers, hands back and the AI answers again', async () => {
    const workflow = await system.workflow(system.ws.key, [
      { agent: { instructions: 'handoff-e2e: hand refunds to a person.', abilities: [] } },
    ]);
    const number = await system.phoneNumber(system.ws.key, {
      defaultWorkflowId: workflow.id,
      workMode: 'ai_with_handoff',
      handoffTimeoutSeconds: TIMEOUT_SECONDS,
      holdingMessage: HOLDING,
    });
    const phone = randomPhone();
    const say = (body: string) => system.inbound({ from: phone, to: number.number, body, channel: 'sms' });

    system.llm.script(
      { toolCalls: [{ name: 'handoff_to_human', arguments: { reason: 'The member asks for a refund.' } }] },
      { text: 'A colleague will get back to you here.' },
    );
    await say('I want a refund for my last visit');
    const [answer] = await system.waitForSent(phone, 1, 'sms');
    expect(answer.body).toBe('A colleague will get back to you here.');
    const [request] = system.llm.requestsWith('handoff-e2e');
    expect(request.tools?.map((t) => t.function.name)).toEqual(['handoff_to_human']);

    // In the queue, with the reason.
    const waiting = await waitFor(async () => (await queue())[0], { message: 'the chat in the queue' });
    expect(waiting).toMatchObject({ handoffReason: 'The member asks for a refund.', heldBy: null });
    const handedOffAt = Date.parse(waiting.waitingSince!);

    // The member writes again: no AI reply (a turn would ask the model, which has nothing
    // scripted, and send the fallback apology). The holding message comes after the timeout, once.
    await say('Hello? Anyone?');
    const sent = await system.waitForSent(phone, 2, 'sms');
    expect(sent[1].body).toBe(HOLDING);
    expect(sent[1].createdAt).toBeGreaterThanOrEqual(handedOffAt + TIMEOUT_SECONDS * 1000);
    expect(await staysFalse(async () => (await system.sentTo(phone, 'sms')).length > 2, 1500)).toBe(true);
    expect(system.llm.requestsWith('handoff-e2e')).toHaveLength(2);

    // Assigned to a user of the workspace; a user of another workspace cannot be.
    const user = await system.ok<{ id: string; email: string }>('POST', '/v1/users', ADMIN_KEY, {
      email: `sam.${Date.now()}@sunrise.example`,
      password: 'a long passphrase of ours',
      role: 'member',
      workspaceIds: [system.ws.id],
    });
    const stranger = await system.ok<{ id: string }>('POST', '/v1/users', ADMIN_KEY, {
      email: `kim.${Date.now()}@elsewhere.example`,
      password: 'a long passphrase of ours',
      role: 'member',
      workspaceIds: [],
    });
    const refused = await system.api('POST', `/v1/chats/${waiting.id}/assign`, system.ws.key, {
      userId: stranger.id,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/userId/);
    const assigned = await system.ok<Chat>('POST', `/v1/chats/${waiting.id}/assign`, system.ws.key, {
      userId: user.id,
    });
    expect(assigned.assignedTo).toEqual({ actor: `user:${user.id}`, name: user.email });

    // A person takes over (the chat leaves the queue), answers, and hands back.
    const taken = await system.ok<Chat>('POST', `/v1/chats/${waiting.id}/takeover`, system.ws.key);
    expect(taken.waitingSince).toBeNull();
    expect(await queue()).toEqual([]);
    await system.ok('POST', `/v1/chats/${waiting.id}/messages`, system.ws.key, {
      body: 'Sam here: the refund is on its way.',
    });
    expect((await system.waitForSent(phone, 3, 'sms'))[2].body).toBe('Sam here: the refund is on its way.');
    const back = await system.ok<Chat>('POST', `/v1/chats/${waiting.id}/handback`, system.ws.key);
    expect(back).toMatchObject({ heldBy: null, waitingSince: null, handoffReason: null });

    system.llm.script({ text: 'Glad that is sorted. Anything else?' });
    await say('Thank you!');
    const after = await system.waitForSent(phone, 4, 'sms');
    expect(after.map((m) => m.body)).toEqual([
      'A colleague will get back to you here.',
      HOLDING,
      'Sam here: the refund is on its way.',
      'Glad that is sorted. Anything else?',
    ]);

    // The inbox heard it live.
    const kinds = () =>
      stream.events
        .filter((e) => (JSON.parse(e.data) as { chat?: { id: string } }).chat?.id === waiting.id)
        .map((e) => e.event)
        .filter((k) => !k.startsWith('message.'));
    await waitFor(() => kinds().includes('chat.handed_back'), { message: 'the hand back on the stream' });
    expect(kinds()).toEqual([
      'chat.opened',
      'chat.waiting',
      'chat.assigned',
      'chat.taken_over',
      'chat.handed_back',
    ]);
  });
});
