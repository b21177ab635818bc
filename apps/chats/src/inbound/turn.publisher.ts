import { Injectable } from '@nestjs/common';
import { ChatTurnReady, type MessageAccepted } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { StoredInbound } from './store-inbound-message.usecase';

/**
 * Tells the workflow a stored message is ready for its turn. Published on every delivery, also
 * for a message stored before: the msgId `turn:<twilioSid>` de-duplicates downstream, and a
 * crash between commit and publish loses nothing.
 */
@Injectable()
export class TurnPublisher {
  constructor(private readonly messaging: MessagingClient) {}

  async publish(accepted: MessageAccepted, stored: StoredInbound): Promise<void> {
    await this.messaging.publish(
      ChatTurnReady,
      {
        chatId: stored.chat.id,
        messageId: stored.message.id,
        chatCreated: stored.chatCreated,
        twilioSid: accepted.twilioSid,
        workspace: accepted.workspace,
        phoneNumber: accepted.phoneNumber,
        member: accepted.member,
        channel: accepted.channel,
        body: accepted.body,
        media: accepted.media,
        keyword: accepted.keyword,
        memberOptedOut: accepted.memberOptedOut,
        offHours: accepted.offHours,
        receivedAt: accepted.receivedAt,
      },
      { msgId: `turn:${accepted.twilioSid}` },
    );
  }
}
