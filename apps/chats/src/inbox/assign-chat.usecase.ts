import { Injectable } from '@nestjs/common';
import { AppError, type AssignChat, type Chat, type RequestPayload } from '@app/contracts';
import { found } from '@app/persistence';
import { ActivityPublisher } from '../activity/activity.publisher';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/** Assigns a chat to the person who should take it (or nobody). The api checks the person belongs to the workspace. */
@Injectable()
export class AssignChatUseCase {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly activity: ActivityPublisher,
  ) {}

  async execute(r: RequestPayload<typeof AssignChat>): Promise<Chat> {
    const assigned = await this.chats.assign(r.workspaceId, r.chatId, r.assignee);
    if (assigned) {
      await this.activity.publish('chat.assigned', assigned);
      return toChat(assigned);
    }
    const chat = found(await this.chats.get(r.workspaceId, r.chatId), 'Chat');
    if (chat.assignedTo === (r.assignee?.actor ?? null)) return toChat(chat);
    throw new AppError('conflict', 'This chat is closed: it cannot be assigned.');
  }
}
