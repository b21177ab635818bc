import { sqlMigration } from '@app/persistence';

export const CreateRouting1732460000000 = sqlMigration('CreateRouting1732460000000', {
  up: [
    `
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        features text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    `
      CREATE TABLE phone_numbers (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id),
        number text NOT NULL,
        sms_enabled boolean NOT NULL DEFAULT true,
        whatsapp_enabled boolean NOT NULL DEFAULT false,
        whatsapp_sandbox boolean NOT NULL DEFAULT false,
        default_workflow_id uuid,
        sms_disabled_message text,
        brand_name text,
        off_hours_message text,
        business_hours jsonb,
        send_rate_per_second double precision,
        archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    // A Twilio number belongs to one workspace at a time; an archived one may be added again.
    `CREATE UNIQUE INDEX phone_numbers_active_number ON phone_numbers (number) WHERE NOT archived`,
    `CREATE INDEX phone_numbers_number ON phone_numbers (number)`,
    `CREATE INDEX phone_numbers_workspace ON phone_numbers (workspace_id, created_at, id)`,
    // Whether a STOP/START/HELP message owes a confirmation, decided once per Twilio message so a
    // redelivery (when the opt-out no longer "changes") still sends the confirmation it owed.
    `
      CREATE TABLE keyword_outcomes (
        message_sid text PRIMARY KEY,
        workspace_id uuid NOT NULL,
        confirm boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
  ],
  down: [`DROP TABLE keyword_outcomes`, `DROP TABLE phone_numbers`, `DROP TABLE workspaces`],
});
