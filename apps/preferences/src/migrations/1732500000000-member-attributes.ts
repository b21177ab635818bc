import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Member attributes: the workspace's own data about a member, a JSON object (bounded by the API). */
export class MemberAttributes1732500000000 implements MigrationInterface {
  name = 'MemberAttributes1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE members ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE members DROP COLUMN attributes`);
  }
}
