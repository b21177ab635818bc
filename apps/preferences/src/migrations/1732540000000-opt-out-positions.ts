import { sqlMigration } from '@app/persistence';

/**
 * Order-safe STOP/START: the position (inbound receipt time, stream sequence) of the last one
 * applied, per member and per phone, so an older message delivered late cannot undo a newer one.
 * Ignored (older) messages go in the history once each, with their position.
 */
export const OptOutPositions1732540000000 = sqlMigration('OptOutPositions1732540000000', {
  up: [
    `ALTER TABLE members ADD COLUMN opt_out_source_at timestamptz, ADD COLUMN opt_out_source_seq bigint`,
    `ALTER TABLE address_opt_outs ADD COLUMN source_at timestamptz, ADD COLUMN source_seq bigint`,
    `ALTER TABLE preference_changes ADD COLUMN source_at timestamptz, ADD COLUMN source_seq bigint`,
    `
      CREATE UNIQUE INDEX preference_changes_ignored_once
        ON preference_changes (workspace_id, member_id, source_at, source_seq)
        WHERE field = 'optedOut:ignored'`,
  ],
  down: [
    'DROP INDEX preference_changes_ignored_once',
    'ALTER TABLE preference_changes DROP COLUMN source_at, DROP COLUMN source_seq',
    'ALTER TABLE address_opt_outs DROP COLUMN source_at, DROP COLUMN source_seq',
    'ALTER TABLE members DROP COLUMN opt_out_source_at, DROP COLUMN opt_out_source_seq',
  ],
});
