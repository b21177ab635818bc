import { Injectable } from '@nestjs/common';
import { AppError, type Chat, type HandBackChat, type RequestPayload } from '@app/contracts';
import { found } from '@app/persistence';
import { ActivityPublisher } from '../activity/activity.publisher';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/** The person holding a chat hands it back: the workflow answers its next message, with all of it as history. */
@Injectable()
export class HandBackChatUseCase {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly activity: ActivityPublisher,
  ) {}

  async execute(r: RequestPayload<typeof HandBackChat>): Promise<Chat> {
    const before = found(await this.chats.get(r.workspaceId, r.chatId), 'Chat');
    if (before.heldBy === null) return toChat(before);
    const handed = await this.chats.handBack(r.workspaceId, r.chatId, r.agent.actor);
    if (!handed) {
      const now = await this.chats.get(r.workspaceId, r.chatId);
      if (now && now.heldBy === null) return toChat(now);
      throw new AppError(
        'conflict',
        `This chat is held by ${now?.heldByName ?? before.heldByName}: only they can hand it back.`,
      );
    }
    await this.activity.publish('chat.handed_back', handed, {
      key: `${handed.id}:${before.heldSince?.toISOString()}`,
    });
    return toChat(handed);
  }
}
