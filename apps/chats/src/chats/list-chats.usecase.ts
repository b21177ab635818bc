import { Injectable } from '@nestjs/common';
import type { ListChats, RequestPayload, ResponsePayload } from '@app/contracts';
import { ChatsRepository } from '../store/chats.repository';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { toChat } from '../store/views';

/** A workspace's chats, newest first, a page at a time. */
@Injectable()
export class ListChatsUseCase {
  constructor(private readonly chats: ChatsRepository) {}

  async execute(r: RequestPayload<typeof ListChats>): Promise<ResponsePayload<typeof ListChats>> {
    // One more than asked tells whether another page follows.
    const rows = await this.chats.list(r.workspaceId, {
      channel: r.channel,
      memberId: r.memberId,
      beforeSeq: decodeCursor(r.cursor),
      limit: r.limit + 1,
    });
    const page = rows.slice(0, r.limit);
    return {
      items: page.map(toChat),
      nextCursor: rows.length > r.limit ? encodeCursor(page[page.length - 1].seq) : null,
    };
  }
}
