import { Injectable } from '@nestjs/common';
import { type Chat, type GetChat, type RequestPayload } from '@app/contracts';
import { found } from '@app/persistence';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

@Injectable()
export class GetChatUseCase {
  constructor(private readonly chats: ChatsRepository) {}

  async execute(r: RequestPayload<typeof GetChat>): Promise<Chat> {
    const chat = found(await this.chats.get(r.workspaceId, r.chatId), 'Chat');
    return toChat(chat);
  }
}
