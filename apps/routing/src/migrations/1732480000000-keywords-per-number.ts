import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyword lists and their reply texts per number (null: the defaults), and when a STOP from a
 * phone was last acknowledged, so a repeated STOP is acknowledged at most once a day.
 */
export class KeywordsPerNumber1732480000000 implements MigrationInterface {
  name = 'KeywordsPerNumber1732480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE phone_numbers ADD COLUMN keywords jsonb, ADD COLUMN keyword_replies jsonb`);
    await q.query(`
      CREATE TABLE keyword_acks (
        phone_number_id uuid NOT NULL,
        phone text NOT NULL,
        keyword text NOT NULL,
        workspace_id uuid NOT NULL,
        acked_at timestamptz NOT NULL,
        PRIMARY KEY (phone_number_id, phone, keyword)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE keyword_acks`);
    await q.query(`ALTER TABLE phone_numbers DROP COLUMN keywords, DROP COLUMN keyword_replies`);
  }
}
