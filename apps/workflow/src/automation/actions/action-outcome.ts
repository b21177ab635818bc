import type { SendResult, SendStatus } from '@app/contracts';
import { actionResultOf, type ActionResultStatus } from '@app/rules';

/** What one action did for one member, as the run log shows it. */
export interface ActionOutcome {
  status: Exclude<ActionResultStatus, 'pending'>;
  reason: string | null;
  sendId: string | null;
  chatId: string | null;
  /** The send's own status, which later updates from outbound move forward. */
  sendStatus?: SendStatus | null;
  errorCode?: string | null;
}

/** The outcome as statement parameters, in the order both run logs write them. */
export const outcomeParams = (outcome: ActionOutcome): unknown[] => [
  outcome.status,
  outcome.reason,
  outcome.sendId,
  outcome.chatId,
  outcome.sendStatus ?? null,
  outcome.errorCode ?? null,
];

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

/**
 * Outbound's answer in run-log terms: a send it accepted is `accepted` until outbound reports it
 * handed to Twilio (OutboundMessageUpdated moves it to `sent`, or `undelivered` later).
 */
export function fromSendResult(result: SendResult, chatId: string | null = null): ActionOutcome {
  const status = actionResultOf(result.status, false);
  return {
    status,
    reason: status === 'accepted' || status === 'sent' ? null : result.reason,
    sendId: result.id,
    chatId,
    sendStatus: result.status,
    errorCode: null,
  };
}
