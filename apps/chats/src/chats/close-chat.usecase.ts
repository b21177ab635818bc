import { Injectable } from '@nestjs/common';
import { type Chat, type CloseChat, type RequestPayload } from '@app/contracts';
import { found } from '@app/persistence';
import { ChatClosedPublisher } from '../lifecycle/chat-closed.publisher';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/**
 * Ends a chat (a person, or the agent's end_chat): the member's next message opens a new one with
 * the number's current default workflow. Closing twice is harmless and publishes one chat.closed.
 */
@Injectable()
export class CloseChatUseCase {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly closes: ChatClosedPublisher,
  ) {}

  async execute(r: RequestPayload<typeof CloseChat>): Promise<Chat> {
    const result = found(await this.chats.close(r.workspaceId, r.chatId, r.reason), 'Chat');
    if (result.closedNow) await this.closes.closed([result.chat]);
    return toChat(result.chat);
  }
}
