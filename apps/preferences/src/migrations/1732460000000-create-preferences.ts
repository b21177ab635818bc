import { sqlMigration } from '@app/persistence';

export const CreatePreferences1732460000000 = sqlMigration('CreatePreferences1732460000000', {
  up: [
    `
      CREATE TABLE members (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        first_name text,
        last_name text,
        phone text,
        email text,
        notify_sms boolean NOT NULL DEFAULT true,
        notify_email boolean NOT NULL DEFAULT true,
        notify_voice boolean NOT NULL DEFAULT true,
        notify_whatsapp boolean NOT NULL DEFAULT false,
        opted_out boolean NOT NULL DEFAULT false,
        opted_out_at timestamptz,
        opted_out_channel text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- One member per phone per workspace; ResolveMember relies on it (ON CONFLICT DO NOTHING).
        CONSTRAINT members_workspace_phone UNIQUE (workspace_id, phone)
      )`,
    // Keyset paging of a workspace's members by id (routines page through every member).
    `CREATE INDEX members_workspace_id ON members (workspace_id, id)`,
    `
      CREATE TABLE preference_changes (
        id uuid PRIMARY KEY,
        -- Insertion order: the audit trail's newest-first paging cursor.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        workspace_id uuid NOT NULL,
        member_id uuid NOT NULL REFERENCES members (id),
        field text NOT NULL,
        old_value jsonb,
        new_value jsonb,
        source_type text NOT NULL,
        source_ref text,
        changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
    `CREATE INDEX preference_changes_member ON preference_changes (workspace_id, member_id, seq DESC)`,
  ],
  down: ['DROP TABLE preference_changes', 'DROP TABLE members'],
});
