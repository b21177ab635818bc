import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ChatActivity, chatActivitySubject, type ChatActivityType } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { ChatEntity } from '../store/chat.entity';
import type { ChatMessageEntity } from '../store/chat-message.entity';
import { toChat, toChatMessage } from '../store/views';

/**
 * Tells the live stream what happened to a chat (ChatActivity on chat.activity.<workspaceId>).
 * Published after the change is committed; the msgId makes a redelivered message's repeat one
 * event. The stream is a live view: a publish that fails is logged, never fails the change
 * (the console reloads what it shows on a resync).
 */
@Injectable()
export class ActivityPublisher {
  private readonly logger = new Logger('ChatActivity');

  constructor(private readonly messaging: MessagingClient) {}

  async publish(
    type: ChatActivityType,
    chat: ChatEntity,
    options: { message?: ChatMessageEntity; key?: string } = {},
  ): Promise<void> {
    const key = options.key ?? randomUUID();
    try {
      await this.messaging.publish(
        ChatActivity,
        {
          type,
          workspaceId: chat.workspaceId,
          chat: toChat(chat),
          message: options.message ? toChatMessage(options.message) : null,
          at: new Date().toISOString(),
        },
        { msgId: `activity:${type}:${key}`, subject: chatActivitySubject(chat.workspaceId) },
      );
    } catch (error) {
      this.logger.warn(`Could not publish ${type} of chat ${chat.id}: ${(error as Error).message}`);
    }
  }
}
