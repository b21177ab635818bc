import { Injectable } from '@nestjs/common';
import type { ListChats, RequestPayload } from '@app/contracts';
import type { Answer } from '@app/messaging';
import { pageOf } from '@app/persistence';
import { ChatsRepository } from '../store/chats.repository';
import { decodeCursor, decodeWaitingCursor, encodeCursor, encodeWaitingCursor } from '../store/cursor';
import { toChat } from '../store/views';

/** A workspace's chats, newest first, a page at a time; or its queue, the longest waiting first. */
@Injectable()
export class ListChatsUseCase {
  constructor(private readonly chats: ChatsRepository) {}

  async execute(r: RequestPayload<typeof ListChats>): Answer<typeof ListChats> {
    if (r.waiting) return this.queue(r);
    // One more than asked tells whether another page follows.
    const rows = await this.chats.list(r.workspaceId, {
      channel: r.channel,
      memberId: r.memberId,
      beforeSeq: decodeCursor(r.cursor),
      limit: r.limit + 1,
    });
    const page = pageOf(rows, r.limit, (last) => encodeCursor(last.seq));
    return { items: page.rows.map(toChat), nextCursor: page.nextCursor };
  }

  private async queue(r: RequestPayload<typeof ListChats>): Answer<typeof ListChats> {
    const rows = await this.chats.queue(r.workspaceId, {
      channel: r.channel,
      memberId: r.memberId,
      after: decodeWaitingCursor(r.cursor),
      limit: r.limit + 1,
    });
    const page = pageOf(rows, r.limit, (last) =>
      last.waitingSince ? encodeWaitingCursor({ since: last.waitingSince, seq: last.seq }) : null,
    );
    return { items: page.rows.map(toChat), nextCursor: page.nextCursor };
  }
}
