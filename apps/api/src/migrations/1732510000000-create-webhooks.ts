import { sqlMigration } from '@app/persistence';

export const CreateWebhooks1732510000000 = sqlMigration('CreateWebhooks1732510000000', {
  up: [
    `
    CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL,
      url text NOT NULL,
      description text,
      events text[] NOT NULL DEFAULT '{}',
      secret text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      disabled_reason text,
      failing_since timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )
  `,
    `CREATE INDEX webhook_endpoints_workspace ON webhook_endpoints (workspace_id, created_at)`,
    // The outbox: one row per endpoint and event, written when the event is consumed, delivered by
    // the dispatcher with retries. The unique key makes a redelivered event a no-op.
    `
    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY,
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
      workspace_id uuid NOT NULL,
      event_id text NOT NULL,
      event_type text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_status_code integer,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      CONSTRAINT webhook_deliveries_once UNIQUE (endpoint_id, event_id)
    )
  `,
    `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    `CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC)`,
  ],
  down: [`DROP TABLE webhook_deliveries`, `DROP TABLE webhook_endpoints`],
});
