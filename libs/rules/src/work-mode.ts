/**
 * Who answers a number's chats: `ai` (its default workflow), `human` (nobody automatically: new
 * chats wait in the inbox), `ai_with_handoff` (the AI until it hands the chat to a person with
 * handoff_to_human, or a person takes over).
 */
export const WORK_MODES = ['ai', 'human', 'ai_with_handoff'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

/** What the rule reads of a chat. */
export interface ChatHold {
  /** A person holds the chat (took it over). */
  heldBy: unknown;
  /** The chat waits in the queue for a person (a handoff, or a number in human mode). */
  waitingSince: unknown;
}

export type TurnVerdict =
  { answer: true } | { answer: false; reason: 'held_by_person' | 'waiting_for_person' | 'human_mode' };

/**
 * May the workflow take a turn in this chat? Never while a person holds it or it waits for one,
 * nor on a number in human mode. (Keywords are routing's and work whatever this says.)
 */
export function mayWorkflowAnswer(mode: WorkMode, chat: ChatHold): TurnVerdict {
  if (chat.heldBy) return { answer: false, reason: 'held_by_person' };
  if (mode === 'human') return { answer: false, reason: 'human_mode' };
  if (chat.waitingSince) return { answer: false, reason: 'waiting_for_person' };
  return { answer: true };
}

/**
 * On a number in human mode, a member's message puts a chat nobody holds in the queue: a new
 * chat, or one a person handed back. (On other numbers only handoff_to_human queues a chat.)
 */
export function entersQueueOnInbound(mode: WorkMode, chat: ChatHold): boolean {
  return mode === 'human' && !chat.heldBy && !chat.waitingSince;
}

/**
 * A person answered: a send the api made (a person in the inbox or an operator's own system)
 * that was not skipped or failed takes a waiting chat out of the queue. The AI's messages and
 * the holding message do not.
 */
export function answersWaitingChat(send: { originService: string; status: string }): boolean {
  return send.originService === 'api' && send.status !== 'skipped' && send.status !== 'failed';
}

/** The number's holding settings, as a wait keeps them. */
export interface NumberHolding {
  handoffTimeoutSeconds: number | null;
  holdingMessage: string | null;
}

/**
 * When a waiting chat's holding message is due: the number's timeout after it began waiting.
 * Never without both a timeout and a message.
 */
export function holdingDueAt(waitingSince: Date, holding: NumberHolding): Date | null {
  if (!holding.handoffTimeoutSeconds || !holding.holdingMessage?.trim()) return null;
  return new Date(waitingSince.getTime() + holding.handoffTimeoutSeconds * 1000);
}

/** handoff_to_human is an ability only where the number's mode lets the AI hand off. */
export function mayHandOff(mode: WorkMode): boolean {
  return mode === 'ai_with_handoff';
}
