import { Injectable, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MemberErased } from '@app/contracts';
import { consume, HandOver } from '@app/messaging';
import { InjectDataSource } from '@app/persistence';

/**
 * A member's erasure in workflow: the per-member rows of routine runs, once-per keys and
 * scheduled events go (a once-per key or an event's data may hold attribute values), and event-rule runs forget the member (they stay, by
 * event id, so a redelivered event still does not act twice).
 */
@Injectable()
export class EraseMemberRunsUseCase {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(command: MemberErased): Promise<void> {
    const { workspaceId, memberId } = command;
    await this.db.transaction(async (manager) => {
      const params = [workspaceId, memberId];
      await manager.query(`DELETE FROM routine_run_items WHERE workspace_id = $1 AND member_id = $2`, params);
      await manager.query(`DELETE FROM routine_once_keys WHERE workspace_id = $1 AND member_id = $2`, params);
      // Their scheduled events (data may describe them) go too, so none fires for an erased member.
      await manager.query(`DELETE FROM scheduled_events WHERE workspace_id = $1 AND member_id = $2`, params);
      await manager.query(
        `UPDATE action_runs SET member_id = NULL, reason = NULL, error_code = NULL, updated_at = now() WHERE workspace_id = $1 AND member_id = $2`,
        params,
      );
    });
  }
}

@Module({
  controllers: [HandOver(consume(MemberErased, EraseMemberRunsUseCase))],
  providers: [EraseMemberRunsUseCase],
})
export class ErasureModule {}
