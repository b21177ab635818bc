import { Injectable } from '@nestjs/common';
import { diagnosticMsgId, DiagnosticRecorded, OutboundMessageUpdated, type SendResult } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { sendDiagnostic } from './send-diagnostic';
import type { SendEntity } from './send.entity';

/**
 * Publishes a send's current status, and the diagnostics record of a send that did not reach the
 * member (sendDiagnostic). The msgIds (`<sendId>:<status>`, the record's key) make a re-publish
 * after a crash (or a redelivery) harmless, so callers publish whenever they have settled a status.
 */
@Injectable()
export class SendUpdatesPublisher {
  constructor(private readonly messaging: MessagingClient) {}

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
  }
}

export function toResult(send: SendEntity): SendResult {
  return { id: send.id, status: send.status, reason: send.reason };
}
