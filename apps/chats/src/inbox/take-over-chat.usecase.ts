import { Injectable } from '@nestjs/common';
import { AppError, type Chat, type RequestPayload, type TakeOverChat } from '@app/contracts';
import { found } from '@app/persistence';
import { ActivityPublisher } from '../activity/activity.publisher';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/** A person takes over a chat: the workflow runs no turns for it until they hand it back. */
@Injectable()
export class TakeOverChatUseCase {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly activity: ActivityPublisher,
  ) {}

  async execute(r: RequestPayload<typeof TakeOverChat>): Promise<Chat> {
    const taken = await this.chats.takeOver(r.workspaceId, r.chatId, r.agent);
    if (taken) {
      await this.activity.publish('chat.taken_over', taken, {
        key: `${taken.id}:${taken.heldSince?.toISOString()}`,
      });
      return toChat(taken);
    }
    const chat = found(await this.chats.get(r.workspaceId, r.chatId), 'Chat');
    if (chat.heldBy === r.agent.actor) return toChat(chat);
    if (chat.status !== 'open')
      throw new AppError('conflict', 'This chat is closed: it cannot be taken over.');
    throw new AppError('conflict', `This chat is held by ${chat.heldByName ?? chat.heldBy}.`);
  }
}
