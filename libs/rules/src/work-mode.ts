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

/** A new chat on a number in human mode goes straight to the queue. */
export function entersQueueOnOpen(mode: WorkMode): boolean {
  return mode === 'human';
}

/** handoff_to_human is an ability only where the number's mode lets the AI hand off. */
export function mayHandOff(mode: WorkMode): boolean {
  return mode === 'ai_with_handoff';
}
