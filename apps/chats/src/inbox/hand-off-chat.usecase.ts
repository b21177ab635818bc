import { Injectable, Logger } from '@nestjs/common';
import { AppError, type Chat, type HandOffChat, type RequestPayload } from '@app/contracts';
import { holdingDueAt } from '@app/rules';
import { found } from '@app/persistence';
import { ActivityPublisher } from '../activity/activity.publisher';
import { chatsQueued } from '../chats-metrics';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/**
 * The AI hands the chat to a person (handoff_to_human): it waits in the queue with the reason,
 * and the workflow is silent until a person takes it over and hands it back. Asking again (a
 * retried turn) changes nothing.
 */
@Injectable()
export class HandOffChatUseCase {
  private readonly logger = new Logger('HandOffChat');

  constructor(
    private readonly chats: ChatsRepository,
    private readonly activity: ActivityPublisher,
  ) {}

  async execute(r: RequestPayload<typeof HandOffChat>): Promise<Chat> {
    const since = new Date();
    const due = holdingDueAt(since, r.holding);
    const waiting = await this.chats.enqueue(r.workspaceId, r.chatId, {
      since,
      reason: r.reason,
      holdingDueAt: due,
      holdingMessage: due ? r.holding.holdingMessage : null,
    });
    if (waiting) {
      chatsQueued.inc({ channel: waiting.channel, cause: 'handoff' });
      this.logger.log(`Chat ${waiting.id} handed off to a person`);
      await this.activity.publish('chat.waiting', waiting, { key: `${waiting.id}:${since.getTime()}` });
      return toChat(waiting);
    }
    const chat = found(await this.chats.get(r.workspaceId, r.chatId), 'Chat');
    if (chat.status !== 'open')
      throw new AppError('conflict', 'This chat is closed: it cannot be handed off.');
    // Waiting already, or a person holds it: it is with people.
    return toChat(chat);
  }
}
