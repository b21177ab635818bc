import type { ChatMessage } from '../api/types';

type Status = ChatMessage['status'];

const LABEL: Record<Status, string> = {
  received: 'Received',
  pending: 'Pending',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  undelivered: 'Not delivered',
  failed: 'Failed',
  skipped: 'Not sent',
};

const COLOR: Record<Status, string> = {
  received: 'gray',
  pending: 'gray',
  queued: 'gray',
  sending: 'gray',
  sent: 'blue',
  delivered: 'teal',
  read: 'teal',
  undelivered: 'red',
  failed: 'red',
  skipped: 'orange',
};

export const statusLabel = (s: Status) => LABEL[s];
export const statusColor = (s: Status) => COLOR[s];
export const isFailure = (s: Status) => s === 'failed' || s === 'undelivered' || s === 'skipped';

/** Why a message did not arrive, in words: the service's reason, else the Twilio code. */
export function failureReason(
  message: Pick<ChatMessage, 'status' | 'errorCode' | 'errorReason'>,
): string | null {
  if (!isFailure(message.status)) return null;
  if (message.errorReason) return message.errorReason;
  if (message.errorCode) return `Twilio error ${message.errorCode}.`;
  return null;
}
