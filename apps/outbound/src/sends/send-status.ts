import type { SendStatus, TwilioMessageStatus } from '@app/contracts';

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
