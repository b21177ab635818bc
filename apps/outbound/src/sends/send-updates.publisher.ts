import { Injectable } from '@nestjs/common';
import { OutboundMessageUpdated, type SendResult } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { SendEntity } from './send.entity';

/**
 * Publishes a send's current status. The msgId `<sendId>:<status>` makes a re-publish after a
 * crash (or a redelivery) harmless, so callers publish whenever they have settled a status.
 */
@Injectable()
export class SendUpdatesPublisher {
  constructor(private readonly messaging: MessagingClient) {}

  async publish(send: SendEntity): Promise<void> {
    await this.messaging.publish(
      OutboundMessageUpdated,
      {
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
      },
      { msgId: `${send.id}:${send.status}` },
    );
  }
}

export function toResult(send: SendEntity): SendResult {
  return { id: send.id, status: send.status, reason: send.reason };
}
