import { nextStatus, type SendStatus } from './status';

/**
 * What an automation's run log says about one member: `pending` before the action ran,
 * `accepted` while outbound holds the send, `sent` once it was handed to Twilio, `skipped` /
 * `failed` when it never left, `undelivered` when Twilio took it and later reported a failure.
 */
export const ACTION_RESULT_STATUSES = [
  'pending',
  'accepted',
  'sent',
  'skipped',
  'failed',
  'undelivered',
] as const;
export type ActionResultStatus = (typeof ACTION_RESULT_STATUSES)[number];

/**
 * The run-log status of a send. A `failed` send that has a Twilio SID failed after Twilio took
 * it (a status callback): that is a delivery failure, `undelivered`, not a refusal.
 */
export function actionResultOf(
  status: SendStatus,
  handedToTwilio: boolean,
): Exclude<ActionResultStatus, 'pending'> {
  switch (status) {
    case 'pending':
      return 'accepted';
    case 'queued':
    case 'sending':
    case 'sent':
    case 'delivered':
    case 'read':
      return 'sent';
    case 'skipped':
      return 'skipped';
    case 'failed':
      return handedToTwilio ? 'undelivered' : 'failed';
    case 'undelivered':
      return 'undelivered';
  }
}

/**
 * The send status a run result follows after an update arrives: updates come late and out of
 * order, so only a forward move (the send statuses' own order) counts.
 */
export function followSend(current: SendStatus | null, incoming: SendStatus): SendStatus {
  return current === null ? incoming : (nextStatus(current, incoming) as SendStatus);
}
