import { sqlMigration } from '@app/persistence';

/**
 * Keyword lists and their reply texts per number (null: the defaults), and when a STOP from a
 * phone was last acknowledged, so a repeated STOP is acknowledged at most once a day.
 */
export const KeywordsPerNumber1732480000000 = sqlMigration('KeywordsPerNumber1732480000000', {
  up: [
    `ALTER TABLE phone_numbers ADD COLUMN keywords jsonb, ADD COLUMN keyword_replies jsonb`,
    `
      CREATE TABLE keyword_acks (
        phone_number_id uuid NOT NULL,
        phone text NOT NULL,
        keyword text NOT NULL,
        workspace_id uuid NOT NULL,
        acked_at timestamptz NOT NULL,
        PRIMARY KEY (phone_number_id, phone, keyword)
      )`,
  ],
  down: [
    `DROP TABLE keyword_acks`,
    `ALTER TABLE phone_numbers DROP COLUMN keywords, DROP COLUMN keyword_replies`,
  ],
});
