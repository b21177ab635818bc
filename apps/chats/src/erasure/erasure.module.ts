import { Inject, Injectable, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MemberErased } from '@app/contracts';
import { createMediaStore, type MediaStore } from '@app/media';
import { consume, HandOver } from '@app/messaging';
import { InjectDataSource } from '@app/persistence';
import { SERVICE_CONFIG } from '@app/runtime';
import type { ChatsConfig } from '../config';

/**
 * A member's erasure in chats: the messages of their chats (bodies, media references, Twilio
 * SIDs) and the media files they sent go; the chats stay as empty shells (ids, number, times) so
 * the other services' references still resolve. Safe to run again.
 */
@Injectable()
export class EraseMemberChatsUseCase {
  private readonly media: MediaStore;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SERVICE_CONFIG) config: ChatsConfig,
  ) {
    this.media = createMediaStore(config);
  }

  async execute(command: MemberErased): Promise<void> {
    const { workspaceId, memberId } = command;
    const rows = await this.db.query<Array<{ media: Array<{ stored?: { key?: string } }> }>>(
      `SELECT m.media FROM chat_messages m JOIN chats c ON c.id = m.chat_id
        WHERE c.workspace_id = $1 AND c.member_id = $2 AND m.media <> '[]'::jsonb`,
      [workspaceId, memberId],
    );
    // Files first: if this fails the rows are still there to find them on the redelivery.
    for (const { media } of rows)
      for (const item of media) if (item.stored?.key) await this.media.remove(item.stored.key);
    await this.db.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM chat_messages WHERE workspace_id = $1
            AND chat_id IN (SELECT id FROM chats WHERE workspace_id = $1 AND member_id = $2)`,
        [workspaceId, memberId],
      );
      await manager.query(
        `UPDATE chats SET holding_message = NULL, handoff_reason = NULL, unread_count = 0
          WHERE workspace_id = $1 AND member_id = $2`,
        [workspaceId, memberId],
      );
    });
  }
}

@Module({
  controllers: [HandOver(consume(MemberErased, EraseMemberChatsUseCase))],
  providers: [EraseMemberChatsUseCase],
})
export class ErasureModule {}
