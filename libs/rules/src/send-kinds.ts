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
