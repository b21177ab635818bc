import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@app/persistence';
import type { Channel } from '@app/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ChatEntity } from './chat.entity';

/** Who a chat is between, and on which channel: at most one open chat per key. */
export interface ChatKey {
  workspaceId: string;
  phoneNumberId: string;
  memberId: string;
  channel: Channel;
}

export interface ChatFilters {
  channel?: Channel;
  memberId?: string;
  /** Only chats inserted before this sequence (the previous page's last one). */
  beforeSeq: string | null;
  limit: number;
}

/** Chats, always looked up within a workspace. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class ChatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get(workspaceId: string, id: string, m: EntityManager = this.db.manager): Promise<ChatEntity | null> {
    return m.findOneBy(ChatEntity, { workspaceId, id });
  }

  /**
   * The open chat of the key, created if none. Concurrency-safe: the partial unique index makes
   * a racing insert do nothing, and the loop then reads the winner's chat. The open chat is
   * locked for the rest of the transaction, so a concurrent close waits for the message to land.
   */
  async openOrGet(
    m: EntityManager,
    key: ChatKey,
    openedBy: string,
  ): Promise<{ chat: ChatEntity; created: boolean }> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const open = await m
        .createQueryBuilder(ChatEntity, 'c')
        .where(
          'c.workspaceId = :workspaceId AND c.phoneNumberId = :phoneNumberId AND c.memberId = :memberId AND c.channel = :channel',
          key,
        )
        .andWhere(`c.status = 'open'`)
        .setLock('for_no_key_update')
        .getOne();
      if (open) return { chat: open, created: false };
      const id = randomUUID();
      const inserted: Array<{ id: string }> = await m.query(
        `INSERT INTO chats (id, workspace_id, phone_number_id, member_id, channel, status, opened_by)
         VALUES ($1, $2, $3, $4, $5, 'open', $6)
         ON CONFLICT (workspace_id, phone_number_id, member_id, channel) WHERE status = 'open' DO NOTHING
         RETURNING id`,
        [id, key.workspaceId, key.phoneNumberId, key.memberId, key.channel, openedBy],
      );
      if (inserted.length) {
        const chat = await m.findOneByOrFail(ChatEntity, { workspaceId: key.workspaceId, id });
        return { chat, created: true };
      }
    }
    // Only reachable if chats are opened and closed faster than we can read them.
    throw new Error('Could not settle the open chat after 5 attempts');
  }

  /**
   * Moves lastMessageAt forward only: an older message arriving late does not move it back. An
   * inbound message also counts as unread until someone reads the chat.
   */
  async touch(m: EntityManager, chatId: string, at: Date, inbound = false): Promise<void> {
    await m.query(
      `UPDATE chats SET last_message_at = GREATEST(COALESCE(last_message_at, $2), $2),
         unread_count = unread_count + $3 WHERE id = $1`,
      [chatId, at, inbound ? 1 : 0],
    );
  }

  list(workspaceId: string, f: ChatFilters): Promise<ChatEntity[]> {
    const q = this.db.manager
      .createQueryBuilder(ChatEntity, 'c')
      .where('c.workspaceId = :workspaceId', { workspaceId });
    if (f.channel) q.andWhere('c.channel = :channel', { channel: f.channel });
    if (f.memberId) q.andWhere('c.memberId = :memberId', { memberId: f.memberId });
    if (f.beforeSeq) q.andWhere('c.seq < :beforeSeq', { beforeSeq: f.beforeSeq });
    return q.orderBy('c.seq', 'DESC').limit(f.limit).getMany();
  }

  /** Closes the chat; closing a closed chat changes nothing. Null when the workspace has no such chat. */
  async close(workspaceId: string, id: string): Promise<ChatEntity | null> {
    await this.db.query(
      `UPDATE chats SET status = 'closed', closed_at = now() WHERE workspace_id = $1 AND id = $2 AND status = 'open'`,
      [workspaceId, id],
    );
    return this.get(workspaceId, id);
  }
}
