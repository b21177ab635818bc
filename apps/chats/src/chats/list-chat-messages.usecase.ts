import { Injectable } from '@nestjs/common';
import { AppError, type ListChatMessages, type RequestPayload, type ResponsePayload } from '@app/contracts';
import { ChatsRepository } from '../store/chats.repository';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { MessagesRepository } from '../store/messages.repository';
import { toChatMessage } from '../store/views';

/** A chat's messages in the order they happened (the agent's history too). */
@Injectable()
export class ListChatMessagesUseCase {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly messages: MessagesRepository,
  ) {}

  async execute(
    r: RequestPayload<typeof ListChatMessages>,
  ): Promise<ResponsePayload<typeof ListChatMessages>> {
    const afterSeq = decodeCursor(r.cursor);
    // Another workspace's chat is not found, never an empty list that confirms it exists.
    if (!(await this.chats.get(r.workspaceId, r.chatId))) throw AppError.notFound('Chat');
    if (r.newest) {
      if (r.cursor) throw new AppError('invalid_input', 'cursor: the newest messages come in one page.');
      const newest = await this.messages.newest(r.workspaceId, r.chatId, r.limit);
      return { items: newest.map(toChatMessage), nextCursor: null };
    }
    const rows = await this.messages.list(r.workspaceId, r.chatId, afterSeq, r.limit + 1);
    const page = rows.slice(0, r.limit);
    return {
      items: page.map(toChatMessage),
      nextCursor: rows.length > r.limit ? encodeCursor(page[page.length - 1].seq) : null,
    };
  }
}
