import { Injectable } from '@nestjs/common';
import { diagnosticMsgId, DiagnosticRecorded, OutboundMessageUpdated, type SendResult } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { canMoveTo, type SendStatus } from '@app/rules';
import { sendDiagnostic } from './send-diagnostic';
import type { SendEntity } from './send.entity';

/** Sends whose last published status is remembered: callbacks come within seconds of the send. */
const REMEMBERED_SENDS = 10_000;

/**
 * Publishes a send's current status, and the diagnostics record of a send that did not reach the
 * member (sendDiagnostic). The msgIds (`<sendId>:<status>`, the record's key) make a re-publish
 * after a crash (or a redelivery) harmless, so callers publish whenever they have settled a status.
 */
@Injectable()
export class SendUpdatesPublisher {
  /**
   * The last status and Twilio SID this process published per send (a bounded window of recent
   * sends). A published status was stored, and a stored status only moves forward, so it is a
   * lower bound of the send's status for good: a callback it already outranks changes nothing.
   */
  private readonly published = new Map<string, { status: SendStatus; twilioSid: string | null }>();

  constructor(private readonly messaging: MessagingClient) {}

  /**
   * Whether a callback for this send and Twilio SID, naming `next`, can change nothing and needs
   * nothing published: this process published the send with that SID at a status `next` cannot
   * replace. False when unsure (not seen here, another SID): the caller asks the database.
   */
  alreadyPast(sendId: string, twilioSid: string, next: SendStatus): boolean {
    const known = this.published.get(sendId);
    return known !== undefined && known.twilioSid === twilioSid && !canMoveTo(known.status, next);
  }

  async publish(send: SendEntity): Promise<void> {
    const update: OutboundMessageUpdated = {
      sendId: send.id,
      idempotencyKey: send.idempotencyKey,
      workspaceId: send.workspaceId,
      phoneNumberId: send.phoneNumberId,
      memberId: send.memberId,
      chatId: send.chatId,
      channel: send.channel,
      kind: send.kind,
      origin: { service: send.originService, ref: send.originRef },
      body: send.body,
      mediaUrls: send.mediaUrls,
      ...(send.interactive ? { interactive: send.interactive } : {}),
      contentSid: send.contentSid,
      status: send.status,
      reason: send.reason,
      errorCode: send.errorCode,
      twilioSid: send.twilioSid,
      toPhone: send.toPhone,
      occurredAt: send.updatedAt.toISOString(),
    };
    await this.messaging.publish(OutboundMessageUpdated, update, { msgId: `${send.id}:${send.status}` });
    const diagnostic = sendDiagnostic(update);
    if (diagnostic)
      await this.messaging.publish(DiagnosticRecorded, diagnostic, { msgId: diagnosticMsgId(diagnostic) });
    this.remember(send);
  }

  private remember(send: SendEntity): void {
    const known = this.published.get(send.id);
    // A re-publish of an older read never lowers what is known.
    if (known && known.twilioSid === send.twilioSid && !canMoveTo(known.status, send.status)) return;
    this.published.delete(send.id);
    this.published.set(send.id, { status: send.status, twilioSid: send.twilioSid });
    if (this.published.size > REMEMBERED_SENDS) this.published.delete(this.published.keys().next().value!);
  }
}

export function toResult(send: SendEntity): SendResult {
  return { id: send.id, status: send.status, reason: send.reason };
}
