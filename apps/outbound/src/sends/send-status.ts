import type { SendStatus, TwilioMessageStatus } from '@app/contracts';

/**
 * How far a send has got. A status may only replace one of lower rank, so late or out-of-order
 * status callbacks (a `sent` arriving after `delivered`) never move a message backwards.
 */
const RANK: Record<SendStatus, number> = {
  pending: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  undelivered: 4,
  failed: 4,
  delivered: 5,
  read: 6,
  skipped: 7,
};

/**
 * Nothing follows these. A failed or undelivered message may still turn out delivered or read
 * (WhatsApp sometimes reports a failure before the delivery), so those are not final.
 */
export const FINAL_STATUSES: readonly SendStatus[] = ['skipped', 'read'];

export function isFinal(status: SendStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Whether `next` may replace `current`. */
export function canMoveTo(current: SendStatus, next: SendStatus): boolean {
  if (isFinal(current)) return false;
  return RANK[next] > RANK[current];
}

/** The statuses `next` may replace (for a conditional UPDATE). */
export function statusesBefore(next: SendStatus): SendStatus[] {
  return (Object.keys(RANK) as SendStatus[]).filter((s) => canMoveTo(s, next));
}

/** Twilio's message statuses as ours; the ones that say nothing new for an outbound message give null. */
export function fromTwilioStatus(status: TwilioMessageStatus): SendStatus | null {
  switch (status) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
      return 'queued';
    case 'sending':
      return 'sending';
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
      return 'read';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return null;
  }
}
