import type { DiagnosticKind, DiagnosticRecorded, OutboundMessageUpdated } from '@app/contracts';
import { SEND_REASONS } from '@app/rules';
import { maskPhone } from '@app/twilio';

/** SEND_REASONS' texts back to their names, so a refused send gets a stable code. */
const CODE_OF_REASON = new Map<string, string>(
  Object.entries(SEND_REASONS).map(([code, text]) => [
    text,
    code.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  ]),
);
const RUN_REF = /^(rule-run|routine-run):([0-9a-f-]{36})$/i;

/**
 * A send outbound did not hand to Twilio (skipped, failed its checks) or that Twilio could not
 * deliver, as a diagnostics record (null for any other status): the send's status update is the
 * one source, nothing is re-checked. The key `send:<sendId>:<status>` makes a re-publish harmless.
 */
export function sendDiagnostic(update: OutboundMessageUpdated): DiagnosticRecorded | null {
  const kind = kindOf(update);
  if (!kind) return null;
  const code =
    kind === 'delivery_failed'
      ? `twilio_${update.errorCode ?? 'unknown'}`
      : (CODE_OF_REASON.get(update.reason ?? '') ??
        (update.errorCode ? `twilio_${update.errorCode}` : 'other'));
  const run = RUN_REF.exec(update.origin.ref ?? '');
  const reason =
    update.reason ??
    (update.errorCode ? `Twilio error ${update.errorCode}.` : `The send was ${update.status}.`);
  return {
    key: `send:${update.sendId}:${update.status}`,
    workspaceId: update.workspaceId,
    kind,
    // Cut to the record's limits: a long text from Twilio must not stop the send's update.
    code: code.slice(0, 100),
    reason: reason.slice(0, 1000),
    channel: update.channel,
    address: update.toPhone ? maskPhone(update.toPhone) : null,
    links: {
      phoneNumberId: update.phoneNumberId,
      memberId: update.memberId,
      chatId: update.chatId,
      messageSid: update.twilioSid,
      sendId: update.sendId,
      ruleRunId: run?.[1] === 'rule-run' ? run[2] : null,
      routineRunId: run?.[1] === 'routine-run' ? run[2] : null,
    },
    occurredAt: update.occurredAt,
  };
}

function kindOf(update: OutboundMessageUpdated): DiagnosticKind | null {
  if (update.status === 'skipped') return 'send_skipped';
  if (update.status === 'undelivered') return 'delivery_failed';
  // Failed after Twilio took it (it has a SID): a delivery failure; before, a refused send.
  if (update.status === 'failed') return update.twilioSid ? 'delivery_failed' : 'send_failed';
  return null;
}
