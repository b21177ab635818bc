import { sqlMigration } from '@app/persistence';

const RESULT_STATUSES = `'pending', 'accepted', 'sent', 'skipped', 'failed', 'undelivered'`;

/**
 * Scheduled events (fired once by whichever replica locks the row first) and truthful run logs:
 * a run result follows its send (accepted, sent once handed to Twilio, undelivered with Twilio's code).
 */
export const ScheduledEventsAndDelivery1732520000000 = sqlMigration(
  'ScheduledEventsAndDelivery1732520000000',
  {
    up: [
      `CREATE TABLE scheduled_events (
       workspace_id uuid NOT NULL,
       event_id text NOT NULL,
       type text NOT NULL,
       member_id uuid,
       data jsonb NOT NULL DEFAULT '{}',
       at timestamptz NOT NULL,
       status text NOT NULL CHECK (status IN ('scheduled', 'fired', 'cancelled')),
       fired_at timestamptz,
       cancelled_at timestamptz,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (workspace_id, event_id)
     )`,
      `CREATE INDEX scheduled_events_due ON scheduled_events (at) WHERE status = 'scheduled'`,
      `CREATE INDEX scheduled_events_by_workspace ON scheduled_events (workspace_id, status, at, event_id)`,
      `ALTER TABLE action_runs DROP CONSTRAINT action_runs_status_check`,
      `ALTER TABLE action_runs ADD CONSTRAINT action_runs_status_check CHECK (status IN (${RESULT_STATUSES}))`,
      `ALTER TABLE action_runs ADD COLUMN send_status text, ADD COLUMN error_code text`,
      `ALTER TABLE routine_run_items DROP CONSTRAINT routine_run_items_status_check`,
      `ALTER TABLE routine_run_items ADD CONSTRAINT routine_run_items_status_check CHECK (status IN (${RESULT_STATUSES}))`,
      `ALTER TABLE routine_run_items ADD COLUMN send_status text, ADD COLUMN error_code text`,
      `ALTER TABLE routine_runs ADD COLUMN accepted integer NOT NULL DEFAULT 0, ADD COLUMN undelivered integer NOT NULL DEFAULT 0`,
    ],
    down: [
      `ALTER TABLE routine_runs DROP COLUMN accepted, DROP COLUMN undelivered`,
      `ALTER TABLE routine_run_items DROP COLUMN send_status, DROP COLUMN error_code`,
      `ALTER TABLE action_runs DROP COLUMN send_status, DROP COLUMN error_code`,
      `DROP TABLE scheduled_events`,
    ],
  },
);
