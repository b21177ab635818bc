import type { MessageStatus } from '@app/contracts';

/**
 * How far an outbound message has got. Twilio's callbacks arrive late and out of order, so a
 * status only replaces one of lower rank. The failures rank after `sent` (a send can fail once
 * handed over) and before `delivered`: WhatsApp sometimes reports `failed` and then delivers
 * anyway, and the delivery is the truth the operator needs to see.
 */
const RANK: Record<Exclude<MessageStatus, 'received'>, number> = {
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
const FINAL: ReadonlySet<MessageStatus> = new Set(['skipped', 'read']);

/**
 * The status an outbound message has after `incoming` arrives while it is `current`: the
 * incoming one when it moves the message forward, else the current one. `received` belongs to
 * inbound messages and is never changed or reached this way.
 */
export function nextStatus(current: MessageStatus, incoming: MessageStatus): MessageStatus {
  if (current === 'received' || incoming === 'received') return current;
  if (FINAL.has(current)) return current;
  return RANK[incoming] > RANK[current] ? incoming : current;
}
