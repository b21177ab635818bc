import { Injectable } from '@nestjs/common';
import { type Chat, type MarkChatRead, type RequestPayload } from '@app/contracts';
import { found } from '@app/persistence';
import { ActivityPublisher } from '../activity/activity.publisher';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/** Someone read the chat in the inbox: no unread messages left. */
@Injectable()
export class MarkChatReadUseCase {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly activity: ActivityPublisher,
  ) {}

  async execute(r: RequestPayload<typeof MarkChatRead>): Promise<Chat> {
    const read = await this.chats.markRead(r.workspaceId, r.chatId);
    if (read) {
      await this.activity.publish('chat.read', read);
      return toChat(read);
    }
    const chat = found(await this.chats.get(r.workspaceId, r.chatId), 'Chat');
    return toChat(chat);
  }
}
