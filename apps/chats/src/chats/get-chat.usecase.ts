import { Injectable } from '@nestjs/common';
import { AppError, type Chat } from '@app/contracts';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

@Injectable()
export class GetChatUseCase {
  constructor(private readonly chats: ChatsRepository) {}

  async execute(workspaceId: string, chatId: string): Promise<Chat> {
    const chat = await this.chats.get(workspaceId, chatId);
    if (!chat) throw AppError.notFound('Chat');
    return toChat(chat);
  }
}
