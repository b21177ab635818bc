import { sqlMigration } from '@app/persistence';

/** Who joined a WhatsApp sandbox number (sent `join <code>`), and with which code. */
export const SandboxMembers1732530000000 = sqlMigration('SandboxMembers1732530000000', {
  up: [
    `CREATE TABLE sandbox_members (
       phone_number_id uuid NOT NULL REFERENCES phone_numbers (id) ON DELETE CASCADE,
       address text NOT NULL,
       workspace_id uuid NOT NULL,
       join_code text NOT NULL,
       message_sid text NOT NULL,
       joined_at timestamptz NOT NULL,
       PRIMARY KEY (phone_number_id, address)
     )`,
  ],
  down: [`DROP TABLE sandbox_members`],
});
