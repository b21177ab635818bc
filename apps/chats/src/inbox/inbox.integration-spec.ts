import { randomUUID } from 'node:crypto';
import {
  AssignChat,
  ChatActivity,
  CloseChat,
  HandOffChat,
  ListChats,
  SendRequested,
  TakeOverChat,
  type Chat,
  type ChatActivityType,
} from '@app/contracts';
import type { RunningService } from '@app/runtime';
import { staysFalse, waitFor } from '@app/testing';
import { ChatsHarness, type Party } from '../testing/chats-harness';

jest.setTimeout(60_000);

const agent = { actor: 'user:7d1f4a2e-0c3b-4b6a-9e8d-1f2a3b4c5d6e', name: 'sam@sunrise.example' };
const HOLDING = 'Thanks for waiting: a person will answer shortly.';

describe('chats: the queue, the handoff, assignment and the holding message (real Postgres and NATS)', () => {
  let h: ChatsHarness;
  let replica: RunningService | undefined;
  let activity: ChatActivity[];
  let sends: Array<{ idempotencyKey: string; chatId?: string; body?: string; kind: string }>;

  beforeAll(async () => {
    h = await ChatsHarness.start({ CHATS_HOLDING_SWEEP_MS: '100' });
    activity = h.nats.collect(ChatActivity, 'chat.activity.>');
    sends = h.nats.collect(SendRequested);
  });
  afterAll(async () => {
    await replica?.close();
    await h?.stop();
  });

  /** The open chat a member's first message opened. */
  async function chatOf(p: Party, body = 'Hello'): Promise<Chat> {
    await h.inbound(h.accepted(p, { channel: 'whatsapp', body }));
    return waitFor(
      async () =>
        (await h.nats.request(ListChats, { workspaceId: p.workspace.id, memberId: p.member.id })).items[0],
      { message: 'the chat' },
    );
  }
  const kindsOf = (chatId: string): ChatActivityType[] =>
    activity.filter((a) => a.chat.id === chatId).map((a) => a.type);
  const queue = async (workspaceId: string, extra: { limit?: number; cursor?: string } = {}) =>
    h.nats.request(ListChats, { workspaceId, waiting: true, ...extra });
  const noHolding = { handoffTimeoutSeconds: null, holdingMessage: null };
  /** A counter's value on /metrics (0 before its first increment). */
  const metric = async (name: string, label: string) => {
    const text = await (await fetch(`${h.service.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('a handoff puts the chat in the queue with its reason, oldest first; asking again changes nothing; taking over empties it', async () => {
    const p = h.party();
    const first = await chatOf(p);
    const second = await chatOf({ ...p, member: { ...p.member, id: randomUUID() } });
    expect(first.waitingSince).toBeNull();
    expect((await queue(p.workspace.id)).items).toEqual([]);

    const handed = await h.nats.request(HandOffChat, {
      workspaceId: p.workspace.id,
      chatId: first.id,
      reason: 'The member asks for a refund.',
      holding: noHolding,
    });
    expect(handed).toMatchObject({
      waitingSince: expect.any(String),
      handoffReason: 'The member asks for a refund.',
    });
    await h.nats.request(HandOffChat, {
      workspaceId: p.workspace.id,
      chatId: second.id,
      reason: 'Wants to talk to a person.',
      holding: noHolding,
    });
    const again = await h.nats.request(HandOffChat, {
      workspaceId: p.workspace.id,
      chatId: first.id,
      reason: 'Another reason',
      holding: noHolding,
    });
    expect(again).toEqual(handed);

    // The longest waiting first, a page at a time.
    const page1 = await queue(p.workspace.id, { limit: 1 });
    expect(page1.items.map((c) => c.id)).toEqual([first.id]);
    const page2 = await queue(p.workspace.id, { limit: 1, cursor: page1.nextCursor! });
    expect(page2.items.map((c) => c.id)).toEqual([second.id]);
    expect(page2.nextCursor).toBeNull();
    // Another workspace sees nothing of it, and cannot hand it off.
    const other = h.party();
    expect((await queue(other.workspace.id)).items).toEqual([]);
    await expect(
      h.nats.request(HandOffChat, {
        workspaceId: other.workspace.id,
        chatId: first.id,
        reason: 'x',
        holding: noHolding,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });

    const taken = await h.nats.request(TakeOverChat, {
      workspaceId: p.workspace.id,
      chatId: first.id,
      agent,
    });
    expect(taken.waitingSince).toBeNull();
    expect((await queue(p.workspace.id)).items.map((c) => c.id)).toEqual([second.id]);
    await waitFor(() => kindsOf(first.id).includes('chat.taken_over'), {
      message: 'the takeover on the stream',
    });
    expect(kindsOf(first.id).filter((k) => k === 'chat.waiting')).toHaveLength(1);
  });

  it('on a number in human mode a new chat waits; a person answering takes it out of the queue, the AI does not', async () => {
    const p = h.party();
    p.number = { ...p.number, workMode: 'human' };
    const queuedBefore = await metric('chats_queued_total', 'cause="human_mode"');
    const chat = await chatOf(p);
    expect(await metric('chats_queued_total', 'cause="human_mode"')).toBe(queuedBefore + 1);
    expect(chat.waitingSince).not.toBeNull();
    expect(chat.handoffReason).toBeNull();
    // The turn tells the workflow the chat waits (it need not ask).
    const turn = await waitFor(() => h.turnPublishes.find((t) => t.chatId === chat.id), {
      message: 'the turn',
    });
    expect(turn.chat).toEqual({ heldBy: null, waitingSince: chat.waitingSince });
    await waitFor(() => kindsOf(chat.id).includes('chat.waiting'), { message: 'chat.waiting on the stream' });
    /** A message sent in the chat (by `service`, as `ref`) that outbound reports `status`. */
    const answer = (service: 'workflow' | 'api', ref: string | null, status: 'queued' | 'skipped') =>
      h.outbound(h.update(p, { sendId: randomUUID(), status, chatId: chat.id, origin: { service, ref } }));

    // Another service's message (the AI, the holding message) leaves it waiting.
    await answer('workflow', null, 'queued');
    // A skipped answer is no answer.
    await answer('api', agent.actor, 'skipped');
    await waitFor(() => kindsOf(chat.id).filter((k) => k === 'message.created').length === 3, {
      message: 'both messages stored',
    });
    expect((await queue(p.workspace.id)).items.map((c) => c.id)).toEqual([chat.id]);

    await answer('api', agent.actor, 'queued');
    await waitFor(async () => (await queue(p.workspace.id)).items.length === 0, {
      message: 'the queue emptied',
    });
    await waitFor(() => kindsOf(chat.id).includes('chat.left_queue'), {
      message: 'chat.left_queue on the stream',
    });
    const left = activity.find((a) => a.chat.id === chat.id && a.type === 'chat.left_queue');
    expect(left?.chat.waitingSince).toBeNull();
  });

  it('sends the holding message once per wait after the timeout, across two replicas, through outbound as a system send', async () => {
    replica = await h.replica({ CHATS_HOLDING_SWEEP_MS: '100' });
    const p = h.party();
    const chat = await chatOf(p);
    const handed = await h.nats.request(HandOffChat, {
      workspaceId: p.workspace.id,
      chatId: chat.id,
      reason: 'Needs a person.',
      holding: { handoffTimeoutSeconds: 1, holdingMessage: HOLDING },
    });
    const mine = () => sends.filter((s) => s.chatId === chat.id);
    const [holding] = await waitFor(() => (mine().length ? mine() : undefined), {
      message: 'the holding message handed to outbound',
    });
    expect(holding).toMatchObject({
      idempotencyKey: `holding:${chat.id}:${new Date(handed.waitingSince!).getTime()}`,
      workspaceId: p.workspace.id,
      phoneNumberId: p.number.id,
      memberId: p.member.id,
      channel: 'whatsapp',
      body: HOLDING,
      kind: 'system',
      origin: { service: 'chats', ref: `holding:${chat.id}` },
    });
    // Both replicas keep sweeping every 100 ms: nobody sends it again.
    expect(await staysFalse(() => mine().length > 1, 1500)).toBe(true);
  });

  it('sends no holding message to a chat a person took over before the timeout', async () => {
    const p = h.party();
    const chat = await chatOf(p);
    await h.nats.request(HandOffChat, {
      workspaceId: p.workspace.id,
      chatId: chat.id,
      reason: 'Needs a person.',
      holding: { handoffTimeoutSeconds: 1, holdingMessage: HOLDING },
    });
    await h.nats.request(TakeOverChat, { workspaceId: p.workspace.id, chatId: chat.id, agent });
    expect(await staysFalse(() => sends.some((s) => s.chatId === chat.id), 2000)).toBe(true);
  });

  it('assigns a chat to a person and back to nobody, on the stream; a closed chat cannot be assigned', async () => {
    const p = h.party();
    const chat = await chatOf(p);
    const assigned = await h.nats.request(AssignChat, {
      workspaceId: p.workspace.id,
      chatId: chat.id,
      assignee: agent,
    });
    expect(assigned.assignedTo).toEqual(agent);
    // The same person again: unchanged, no second event.
    await h.nats.request(AssignChat, { workspaceId: p.workspace.id, chatId: chat.id, assignee: agent });
    const cleared = await h.nats.request(AssignChat, {
      workspaceId: p.workspace.id,
      chatId: chat.id,
      assignee: null,
    });
    expect(cleared.assignedTo).toBeNull();
    await waitFor(() => kindsOf(chat.id).filter((k) => k === 'chat.assigned').length === 2, {
      message: 'two assignments on the stream',
    });
    const events = activity.filter((a) => a.chat.id === chat.id && a.type === 'chat.assigned');
    expect(events.map((e) => e.chat.assignedTo)).toEqual([agent, null]);

    await expect(
      h.nats.request(AssignChat, { workspaceId: h.party().workspace.id, chatId: chat.id, assignee: agent }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await h.nats.request(CloseChat, {
      workspaceId: p.workspace.id,
      chatId: chat.id,
      reason: 'request',
    });
    await expect(
      h.nats.request(AssignChat, { workspaceId: p.workspace.id, chatId: chat.id, assignee: agent }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('chats: a holding message falls due while no replica runs', () => {
  it('is sent by the replica that starts next: the due time lives in Postgres', async () => {
    // This replica never sweeps (an hour apart) and stops before it would.
    const h = await ChatsHarness.start({ CHATS_HOLDING_SWEEP_MS: '3600000' });
    const sends = h.nats.collect(SendRequested);
    let next: RunningService | undefined;
    try {
      const p = h.party();
      await h.inbound(h.accepted(p, { channel: 'sms' }));
      const chat = await waitFor(
        async () => (await h.nats.request(ListChats, { workspaceId: p.workspace.id })).items[0],
        { message: 'the chat' },
      );
      await h.nats.request(HandOffChat, {
        workspaceId: p.workspace.id,
        chatId: chat.id,
        reason: 'Needs a person.',
        holding: { handoffTimeoutSeconds: 1, holdingMessage: HOLDING },
      });
      expect(await staysFalse(() => sends.length > 0, 1500)).toBe(true);
      await h.service.close();

      next = await h.replica({ CHATS_HOLDING_SWEEP_MS: '100' });
      const [holding] = await waitFor(() => (sends.length ? sends : undefined), {
        message: 'the holding message after the restart',
      });
      expect(holding).toMatchObject({ chatId: chat.id, channel: 'sms', body: HOLDING, kind: 'system' });
    } finally {
      await next?.close();
      await h.nats.close();
    }
  });
});
