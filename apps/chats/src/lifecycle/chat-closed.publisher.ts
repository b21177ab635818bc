import { Injectable, Logger } from '@nestjs/common';
import { ChatClosed } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { ActivityPublisher } from '../activity/activity.publisher';
import { chatsClosed } from '../chats-metrics';
import type { ChatEntity } from '../store/chat.entity';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/**
 * Publishes chat.closed for chats that closed, then marks them published (the outbox). A crash in
 * between publishes again on the next sweep under the same msgId, which JetStream de-duplicates.
 */
@Injectable()
export class ChatClosedPublisher {
  private readonly logger = new Logger('ChatClosedPublisher');

  constructor(
    private readonly messaging: MessagingClient,
    private readonly chats: ChatsRepository,
    private readonly activity: ActivityPublisher,
  ) {}

  /** Chats this replica just closed (the live stream hears at once); a failure is logged and left to the sweep. */
  async closed(chats: ChatEntity[]): Promise<void> {
    for (const chat of chats) {
      chatsClosed.inc({ channel: chat.channel, reason: chat.closedReason ?? 'request' });
      await this.activity.publish('chat.closed', chat, { key: chat.id });
    }
    try {
      await this.publish(chats);
    } catch (error) {
      this.logger.warn(
        `chat.closed not published yet for ${chats.length} chat(s), the sweep will: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Every close whose event is still owed (crash recovery), a batch at a time. */
  async flush(limit = 500): Promise<number> {
    const pending = await this.chats.unpublishedCloses(limit);
    await this.publish(pending);
    return pending.length;
  }

  /**
   * Publishes and marks in one transaction holding the chats' rows: a replica (or the sweep) that
   * reaches the same chats meanwhile skips them, so each event goes out once unless we crash.
   */
  private async publish(chats: ChatEntity[]): Promise<void> {
    const owed = new Map(
      chats.filter((c) => c.status === 'closed' && c.closedAt && c.closedReason).map((c) => [c.id, c]),
    );
    if (!owed.size) return;
    await this.chats.claimUnpublishedCloses([...owed.keys()], async (ids) => {
      for (const id of ids) {
        const chat = owed.get(id)!;
        await this.messaging.publish(
          ChatClosed,
          {
            workspaceId: chat.workspaceId,
            chat: toChat(chat),
            reason: chat.closedReason!,
            closedAt: chat.closedAt!.toISOString(),
          },
          { msgId: `chat-closed:${chat.id}` },
        );
      }
    });
  }
}
