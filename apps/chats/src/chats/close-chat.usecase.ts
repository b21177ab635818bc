import { Injectable } from '@nestjs/common';
import { AppError, type Chat } from '@app/contracts';
import { ActivityPublisher } from '../activity/activity.publisher';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/** Ends a chat: the member's next message opens a new one. Closing twice is harmless. */
@Injectable()
export class CloseChatUseCase {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly activity: ActivityPublisher,
  ) {}

  async execute(workspaceId: string, chatId: string): Promise<Chat> {
    const chat = await this.chats.close(workspaceId, chatId);
    if (!chat) throw AppError.notFound('Chat');
    await this.activity.publish('chat.closed', chat, { key: chat.id });
    return toChat(chat);
  }
}
