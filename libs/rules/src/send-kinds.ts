/** Who starts a send: decides which checks apply. */
export const SEND_KINDS = [
  /** Answers a member who wrote in: stopped only by opt-out. */
  'reply',
  /** Started by the system (actions, agent tools, broadcasts, the API): opt-out and notification switches. */
  'system',
  /** A STOP/START/HELP confirmation: always goes, once. */
  'compliance',
  /** Routing's word to the sender of a closed channel: an address without a member; only opt-out and archive apply. */
  'notice',
] as const;
export type SendKind = (typeof SEND_KINDS)[number];

/**
 * Which queue a send waits in at outbound. Conversation sends (replies, STOP/START/HELP
 * confirmations, notices, a person's or an agent's message in a chat) never queue behind bulk
 * sends (broadcasts, routines, event rules, scheduled events, the API's system sends).
 */
export const SEND_LANES = ['conversation', 'bulk'] as const;
export type SendLane = (typeof SEND_LANES)[number];

/** The lane a send takes: the one it names, else bulk for what the system starts, conversation otherwise. */
export function sendLane(send: { kind: SendKind; lane?: SendLane }): SendLane {
  return send.lane ?? (send.kind === 'system' ? 'bulk' : 'conversation');
}
