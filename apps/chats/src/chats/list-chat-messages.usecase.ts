import { Injectable } from '@nestjs/common';
import { AppError, type ListChatMessages, type RequestPayload } from '@app/contracts';
import type { Answer } from '@app/messaging';
import { pageOf } from '@app/persistence';
import { ChatsRepository } from '../store/chats.repository';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { MessagesRepository } from '../store/messages.repository';
import { toChatMessage } from '../store/views';
import { MediaLinks } from '../media/media-links';

/** A chat's messages in the order they happened (the agent's history too). */
@Injectable()
export class ListChatMessagesUseCase {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly messages: MessagesRepository,
    private readonly links: MediaLinks,
  ) {}

  async execute(r: RequestPayload<typeof ListChatMessages>): Answer<typeof ListChatMessages> {
    const afterSeq = decodeCursor(r.cursor);
    // Another workspace's chat is not found, never an empty list that confirms it exists.
    if (!(await this.chats.get(r.workspaceId, r.chatId))) throw AppError.notFound('Chat');
    if (r.newest) {
      if (r.cursor) throw new AppError('invalid_input', 'cursor: the newest messages come in one page.');
      const newest = await this.messages.newest(r.workspaceId, r.chatId, r.limit);
      return { items: await this.links.withLinks(newest.map(toChatMessage)), nextCursor: null };
    }
    const rows = await this.messages.list(r.workspaceId, r.chatId, afterSeq, r.limit + 1);
    const page = pageOf(rows, r.limit, (last) => encodeCursor(last.seq));
    return { items: await this.links.withLinks(page.rows.map(toChatMessage)), nextCursor: page.nextCursor };
  }
}
