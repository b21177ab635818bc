import { Injectable, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MemberErased } from '@app/contracts';
import { consume, HandOver } from '@app/messaging';
import { InjectDataSource } from '@app/persistence';

/**
 * A member's erasure in outbound: their sends keep their ids, status and counts (quotas, delivery
 * reports) but lose the addresses, bodies and template variables, whether they were sent to the
 * member or to their phone; a send not yet made is skipped; their 24-hour windows go.
 */
@Injectable()
export class EraseMemberSendsUseCase {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(command: MemberErased): Promise<void> {
    const { workspaceId, memberId, phoneSha256 } = command;
    await this.db.transaction(async (manager) => {
      const theirs = `workspace_id = $1 AND (member_id = $2
        OR ($3::text IS NOT NULL AND to_phone IS NOT NULL AND encode(sha256(convert_to(to_phone, 'UTF8')), 'hex') = $3))`;
      await manager.query(
        `UPDATE sends SET status = 'skipped', reason = 'The member was erased.', updated_at = now()
          WHERE ${theirs} AND status = 'pending' AND claimed_at IS NULL`,
        [workspaceId, memberId, phoneSha256],
      );
      await manager.query(
        `UPDATE sends SET to_phone = NULL, to_address = NULL, body = NULL, content_variables = NULL, updated_at = now()
          WHERE ${theirs}`,
        [workspaceId, memberId, phoneSha256],
      );
      await manager.query(`DELETE FROM conversation_windows WHERE workspace_id = $1 AND member_id = $2`, [
        workspaceId,
        memberId,
      ]);
    });
  }
}

@Module({
  controllers: [HandOver(consume(MemberErased, EraseMemberSendsUseCase))],
  providers: [EraseMemberSendsUseCase],
})
export class ErasureModule {}
