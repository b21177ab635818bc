import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The operator's daily send quota per workspace (null: none). */
export class DailySendQuota1732496000000 implements MigrationInterface {
  name = 'DailySendQuota1732496000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces ADD COLUMN daily_send_quota integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces DROP COLUMN daily_send_quota`);
  }
}
