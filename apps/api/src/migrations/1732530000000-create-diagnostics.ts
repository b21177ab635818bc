import { sqlMigration } from '@app/persistence';

/**
 * The diagnostics feed: why something did not happen, per workspace (null: a message to a number
 * no workspace has, for the operator). One row per workspace and key, so a redelivery is a no-op;
 * rows older than DIAGNOSTICS_RETENTION_DAYS are deleted.
 */
export const CreateDiagnostics1732530000000 = sqlMigration('CreateDiagnostics1732530000000', {
  up: [
    `
    CREATE TABLE diagnostics (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      workspace_id uuid,
      key text NOT NULL,
      kind text NOT NULL,
      code text NOT NULL,
      reason text NOT NULL,
      channel text,
      address text,
      links jsonb NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )
  `,
    `CREATE UNIQUE INDEX diagnostics_once ON diagnostics
       ((coalesce(workspace_id, '00000000-0000-0000-0000-000000000000'::uuid)), key)`,
    `CREATE INDEX diagnostics_feed ON diagnostics (workspace_id, occurred_at DESC, seq DESC)`,
    `CREATE INDEX diagnostics_expiry ON diagnostics (occurred_at)`,
  ],
  down: [`DROP TABLE diagnostics`],
});
