import { Injectable, Logger } from '@nestjs/common';
import type { DiagnosticKind, DiagnosticRecorded, OutboundMessageUpdated } from '@app/contracts';
import { SEND_REASONS } from '@app/rules';
import { maskPhone } from '@app/twilio';
import { DiagnosticsStore } from './diagnostics.store';

/** A record a service published (routing, chats, workflow) into the feed; a redelivery adds nothing. */
@Injectable()
export class RecordDiagnostic {
  private readonly logger = new Logger('Diagnostics');

  constructor(private readonly store: DiagnosticsStore) {}

  async execute(record: DiagnosticRecorded): Promise<void> {
    const added = await this.store.add(record);
    if (added)
      this.logger.debug(
        `Recorded ${record.kind} (${record.code}) for workspace ${record.workspaceId ?? '-'}`,
      );
  }
}

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
 * deliver, as a feed record: the send's status updates are the one source, nothing is re-checked.
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
  return {
    key: `send:${update.sendId}:${update.status}`,
    workspaceId: update.workspaceId,
    kind,
    code,
    reason:
      update.reason ??
      (update.errorCode ? `Twilio error ${update.errorCode}.` : `The send was ${update.status}.`),
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

/** A send's status update into the feed when it says the send did not reach the member. */
@Injectable()
export class RecordSendDiagnostic {
  constructor(private readonly record: RecordDiagnostic) {}

  async execute(update: OutboundMessageUpdated): Promise<void> {
    const diagnostic = sendDiagnostic(update);
    if (diagnostic) await this.record.execute(diagnostic);
  }
}
