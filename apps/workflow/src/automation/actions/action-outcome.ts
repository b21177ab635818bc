import type { SendResult } from '@app/contracts';

/** What one action did for one member, as the run log shows it. */
export interface ActionOutcome {
  status: 'sent' | 'skipped' | 'failed';
  reason: string | null;
  sendId: string | null;
  chatId: string | null;
}

export const skipped = (reason: string): ActionOutcome => ({
  status: 'skipped',
  reason,
  sendId: null,
  chatId: null,
});
export const failed = (reason: string): ActionOutcome => ({
  status: 'failed',
  reason,
  sendId: null,
  chatId: null,
});

/** Outbound's answer in run-log terms: anything it accepted (queued or further) counts as sent. */
export function fromSendResult(result: SendResult): ActionOutcome {
  switch (result.status) {
    case 'skipped':
      return { status: 'skipped', reason: result.reason, sendId: result.id, chatId: null };
    case 'failed':
    case 'undelivered':
      return { status: 'failed', reason: result.reason, sendId: result.id, chatId: null };
    default:
      return { status: 'sent', reason: null, sendId: result.id, chatId: null };
  }
}
