import { sqlMigration } from '@app/persistence';

/** oncePer: a CEL key per member; a key is claimed by the run that acts on it and kept once sent. */
export const RoutineOncePer1732510000000 = sqlMigration('RoutineOncePer1732510000000', {
  up: [
    `ALTER TABLE routines ADD COLUMN once_per text`,
    `CREATE TABLE routine_once_keys (
       routine_id uuid NOT NULL,
       key text NOT NULL,
       workspace_id uuid NOT NULL,
       member_id uuid NOT NULL,
       run_id uuid NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (routine_id, key)
     )`,
  ],
  down: [`DROP TABLE routine_once_keys`, `ALTER TABLE routines DROP COLUMN once_per`],
});
