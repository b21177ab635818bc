import { sqlMigration } from '@app/persistence';

/** Event rules with their action runs, and routines with their runs and per-member items. */
export const CreateRulesAndRoutines1732460000000 = sqlMigration('CreateRulesAndRoutines1732460000000', {
  up: [
    `
      CREATE TABLE event_rules (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        event text NOT NULL,
        condition text,
        action jsonb NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX event_rules_by_event ON event_rules (workspace_id, event) WHERE enabled`,
    // One row per (rule, event): a redelivered event finds its run instead of acting twice.
    `
      CREATE TABLE action_runs (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        rule_id uuid NOT NULL REFERENCES event_rules (id),
        event_id text NOT NULL,
        member_id uuid,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'skipped', 'failed')),
        reason text,
        send_id uuid,
        chat_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT action_runs_rule_event UNIQUE (rule_id, event_id)
      )`,
    `CREATE INDEX action_runs_by_rule ON action_runs (workspace_id, rule_id, created_at DESC, id DESC)`,
    `
      CREATE TABLE routines (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        name text NOT NULL,
        member_filter text NOT NULL,
        action jsonb NOT NULL,
        schedule text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX routines_by_workspace ON routines (workspace_id, created_at)`,
    `CREATE INDEX routines_scheduled ON routines (id) WHERE schedule IS NOT NULL`,
    // scheduled_for is the cron tick a run was started for: unique, so one replica fires a tick.
    // At most one running run per routine, so a tick or a second "run now" cannot overlap a run.
    `
      CREATE TABLE routine_runs (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        routine_id uuid NOT NULL REFERENCES routines (id),
        state text NOT NULL CHECK (state IN ('running', 'done')),
        scheduled_for timestamptz,
        member_cursor text,
        listing_done boolean NOT NULL DEFAULT false,
        matched integer NOT NULL DEFAULT 0,
        sent integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT routine_runs_tick UNIQUE (routine_id, scheduled_for)
      )`,
    `CREATE UNIQUE INDEX routine_runs_one_running ON routine_runs (routine_id) WHERE state = 'running'`,
    `CREATE INDEX routine_runs_latest ON routine_runs (routine_id, started_at DESC)`,
    `CREATE INDEX routine_runs_running ON routine_runs (id) WHERE state = 'running'`,
    // Written before the send (pending) and settled after it: a resumed run re-sends only pending
    // items, with the same idempotency key, so outbound sends each member at most once.
    `
      CREATE TABLE routine_run_items (
        run_id uuid NOT NULL REFERENCES routine_runs (id),
        member_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'skipped', 'failed')),
        reason text,
        send_id uuid,
        chat_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, member_id)
      )`,
    `CREATE INDEX routine_run_items_pending ON routine_run_items (run_id, member_id) WHERE status = 'pending'`,
  ],
  down: [
    `DROP TABLE routine_run_items`,
    `DROP TABLE routine_runs`,
    `DROP TABLE routines`,
    `DROP TABLE action_runs`,
    `DROP TABLE event_rules`,
  ],
});
