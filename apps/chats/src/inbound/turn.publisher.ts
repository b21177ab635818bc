import { Injectable } from '@nestjs/common';
import { ChatTurnReady, type MessageAccepted } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { ChatEntity } from '../store/chat.entity';
import { toChat } from '../store/views';
import type { StoredInbound } from './store-inbound-message.usecase';

/**
 * Tells the workflow a stored message is ready for its turn. Published on every delivery, also
 * for a message stored before: the msgId `turn:<twilioSid>` de-duplicates downstream, and a
 * crash between commit and publish loses nothing.
 */
@Injectable()
export class TurnPublisher {
  constructor(private readonly messaging: MessagingClient) {}

  /** `chat`: the chat as the message left it (its hold goes with the turn). */
  async publish(accepted: MessageAccepted, stored: StoredInbound, chat: ChatEntity): Promise<void> {
    const { from: _from, to: _to, ...context } = accepted;
    const { heldBy, waitingSince } = toChat(chat);
    await this.messaging.publish(
      ChatTurnReady,
      {
        ...context,
        // As stored: where each file is kept, or why it was not, and a voice note's transcript.
        media: stored.message.media,
        chatId: stored.chat.id,
        messageId: stored.message.id,
        chatCreated: stored.chatCreated,
        chat: { heldBy, waitingSince },
      },
      { msgId: `turn:${accepted.twilioSid}` },
    );
  }
}
