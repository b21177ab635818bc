/** Twilio's word on a message it took from us (its spelling, which a send's status keeps). */
export const TWILIO_DELIVERY_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'undelivered',
  'failed',
] as const;

/** How far an outbound message has got, from our acceptance to Twilio's last word. */
export const SEND_STATUSES = [
  'pending', // accepted by us, not yet handed to Twilio
  ...TWILIO_DELIVERY_STATUSES,
  'skipped', // refused by a check before Twilio
] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

/** A chat message's status: an inbound message is `received`, an outbound one follows its send. */
export const MESSAGE_STATUSES = ['received', ...SEND_STATUSES] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * Twilio's callbacks arrive late and out of order, so a status only replaces one of lower rank.
 * The failures rank after `sent` (a send can fail once handed over) and before `delivered`:
 * WhatsApp sometimes reports `failed` and then delivers anyway, and the delivery is the truth the
 * operator needs. `skipped` ranks with the failures: it may end a send that never left, never
 * one Twilio delivered.
 */
const RANK: Record<SendStatus, number> = {
  pending: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  undelivered: 4,
  failed: 4,
  skipped: 4,
  delivered: 5,
  read: 6,
};

/** Nothing follows these: a skipped send never reached Twilio, and `read` is as far as it goes. */
export const FINAL_STATUSES: readonly SendStatus[] = ['skipped', 'read'];

export function isFinal(status: SendStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Whether `next` may replace `current`. */
export function canMoveTo(current: SendStatus, next: SendStatus): boolean {
  return !isFinal(current) && RANK[next] > RANK[current];
}

/** The statuses `next` may replace (for a conditional UPDATE). */
export function statusesBefore(next: SendStatus): SendStatus[] {
  return SEND_STATUSES.filter((s) => canMoveTo(s, next));
}

/**
 * The status an outbound message has after `incoming` arrives while it is `current`: the
 * incoming one when it moves the message forward, else the current one. `received` belongs to
 * inbound messages and is never changed or reached this way.
 */
export function nextStatus(current: MessageStatus, incoming: MessageStatus): MessageStatus {
  if (current === 'received' || incoming === 'received') return current;
  return canMoveTo(current, incoming) ? incoming : current;
}
