import { API_VERSION } from '../common/twilio-format';
import type { EmulatedMessage, MessageOutcome, MessageStatus } from '../messages/message.model';

export interface StatusStep {
  status: MessageStatus;
  errorCode?: number;
  errorMessage?: string;
}

/**
 * The statuses a queued message goes through: `sent` → `delivered`; `failed` straight away
 * (Twilio never handed it on); `sent` → `undelivered` (the carrier or WhatsApp refused it).
 */
export function planStatusSteps(outcome: MessageOutcome): StatusStep[] {
  switch (outcome.status) {
    case 'delivered':
      return [{ status: 'sent' }, { status: 'delivered' }];
    case 'failed':
      return [{ status: 'failed', errorCode: outcome.errorCode, errorMessage: outcome.errorMessage }];
    case 'undelivered':
      return [
        { status: 'sent' },
        { status: 'undelivered', errorCode: outcome.errorCode, errorMessage: outcome.errorMessage },
      ];
  }
}

/** The form parameters of a status callback, as Twilio posts them. */
export function buildStatusCallbackParams(
  message: EmulatedMessage,
  step: StatusStep,
  at: number,
): Record<string, string> {
  const params: Record<string, string> = {
    ApiVersion: API_VERSION,
    AccountSid: message.accountSid,
    MessageSid: message.sid,
    SmsSid: message.sid,
    MessageStatus: step.status,
    SmsStatus: step.status,
    To: message.to,
  };
  if (message.from !== null) params.From = message.from;
  if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
  if (message.channel === 'whatsapp') {
    params.ChannelPrefix = 'whatsapp';
    params.ChannelToAddress = message.toPhone;
    params.StructuredMessage = 'false';
  } else if (step.status === 'delivered') {
    params.RawDlrDoneDate = rawDlrDate(at);
  }
  if (step.errorCode !== undefined) {
    params.ErrorCode = String(step.errorCode);
    if (step.errorMessage) params.ErrorMessage = step.errorMessage;
  }
  return params;
}

/** Carriers' delivery receipt date: YYMMDDhhmm in UTC. */
function rawDlrDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(2, 12);
}
