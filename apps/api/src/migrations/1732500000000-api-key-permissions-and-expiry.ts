import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeyPermissionsAndExpiry1732500000000 implements MigrationInterface {
  name = 'ApiKeyPermissionsAndExpiry1732500000000';

  async up(q: QueryRunner): Promise<void> {
    // Keys issued before permissions existed keep doing everything they could.
    await q.query(`
      ALTER TABLE api_keys
        ADD COLUMN permissions text[] NOT NULL DEFAULT '{read,send,manage}',
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN last_used_at timestamptz
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE api_keys DROP COLUMN permissions, DROP COLUMN expires_at, DROP COLUMN last_used_at`,
    );
  }
}
