import {
  answersWaitingChat,
  entersQueueOnInbound,
  holdingDueAt,
  mayHandOff,
  mayWorkflowAnswer,
  type ChatHold,
  type TurnVerdict,
  type WorkMode,
} from './work-mode';

describe('work mode: who answers a chat', () => {
  const held = { heldBy: 'user:1', waitingSince: null };
  const waiting = { heldBy: null, waitingSince: '2026-11-30T09:00:00Z' };
  const free = { heldBy: null, waitingSince: null };

  it.each<[WorkMode, ChatHold, TurnVerdict]>([
    ['ai', free, { answer: true }],
    ['ai', held, { answer: false, reason: 'held_by_person' }],
    ['ai', waiting, { answer: false, reason: 'waiting_for_person' }],
    ['ai_with_handoff', free, { answer: true }],
    ['ai_with_handoff', waiting, { answer: false, reason: 'waiting_for_person' }],
    ['ai_with_handoff', held, { answer: false, reason: 'held_by_person' }],
    ['human', free, { answer: false, reason: 'human_mode' }],
    ['human', held, { answer: false, reason: 'held_by_person' }],
  ])('%s, chat %j: %j', (mode, chat, verdict) => {
    expect(mayWorkflowAnswer(mode, chat)).toEqual(verdict);
  });

  it.each<[WorkMode, boolean, boolean]>([
    ['ai', false, false],
    ['human', true, false],
    ['ai_with_handoff', false, true],
  ])('%s: a free chat queues on a message %s, the AI may hand off %s', (mode, queues, handsOff) => {
    expect(entersQueueOnInbound(mode, free)).toBe(queues);
    expect(mayHandOff(mode)).toBe(handsOff);
  });

  it.each<[ChatHold, boolean]>([
    [free, true],
    [held, false],
    [waiting, false],
  ])('human mode: chat %j queues on a message: %s', (chat, queues) => {
    expect(entersQueueOnInbound('human', chat)).toBe(queues);
  });

  it.each<[string, string, boolean]>([
    ['api', 'queued', true],
    ['api', 'pending', true],
    ['api', 'delivered', true],
    ['api', 'skipped', false],
    ['api', 'failed', false],
    ['workflow', 'queued', false],
    ['chats', 'queued', false],
  ])('a send from %s, %s, answers a waiting chat: %s', (originService, status, answers) => {
    expect(answersWaitingChat({ originService, status })).toBe(answers);
  });

  const since = new Date('2026-11-30T09:00:00.000Z');
  it.each<[number | null, string | null, string | null]>([
    [120, 'A person will answer shortly.', '2026-11-30T09:02:00.000Z'],
    [null, 'A person will answer shortly.', null],
    [120, null, null],
    [120, '   ', null],
  ])('timeout %s, message %j: the holding message is due at %s', (timeout, message, due) => {
    expect(
      holdingDueAt(since, { handoffTimeoutSeconds: timeout, holdingMessage: message })?.toISOString() ?? null,
    ).toBe(due);
  });
});
