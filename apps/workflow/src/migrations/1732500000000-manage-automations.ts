import { sqlMigration } from '@app/persistence';

/** Automations you can manage: a routine can be paused; a run can be cancelled. */
export const ManageAutomations1732500000000 = sqlMigration('ManageAutomations1732500000000', {
  up: [
    `ALTER TABLE routines ADD COLUMN paused boolean NOT NULL DEFAULT false`,
    // Ticks before this time are not owed (a schedule added later, or a routine resumed, does not catch up).
    `ALTER TABLE routines ADD COLUMN scheduled_from timestamptz`,
    `ALTER TABLE routine_runs DROP CONSTRAINT routine_runs_state_check`,
    `ALTER TABLE routine_runs ADD CONSTRAINT routine_runs_state_check CHECK (state IN ('running', 'done', 'cancelled'))`,
    `CREATE INDEX routine_run_items_by_status ON routine_run_items (run_id, status, member_id)`,
  ],
  down: [
    `DROP INDEX routine_run_items_by_status`,
    `UPDATE routine_runs SET state = 'done' WHERE state = 'cancelled'`,
    `ALTER TABLE routine_runs DROP CONSTRAINT routine_runs_state_check`,
    `ALTER TABLE routine_runs ADD CONSTRAINT routine_runs_state_check CHECK (state IN ('running', 'done'))`,
    `ALTER TABLE routines DROP COLUMN scheduled_from`,
    `ALTER TABLE routines DROP COLUMN paused`,
  ],
});
