import {
  entersQueueOnOpen,
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
  ])('%s: new chats queue %s, the AI may hand off %s', (mode, queues, handsOff) => {
    expect(entersQueueOnOpen(mode)).toBe(queues);
    expect(mayHandOff(mode)).toBe(handsOff);
  });
});
