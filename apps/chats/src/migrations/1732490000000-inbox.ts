import { sqlMigration } from '@app/persistence';

/** The inbox: who holds a chat, the waiting queue, assignment, unread counts, the holding message's timer. */
export const Inbox1732490000000 = sqlMigration('Inbox1732490000000', {
  up: [
    `
      ALTER TABLE chats
        -- The person answering (takeover): 'user:<id>' or 'api-key:<id>', and what to call them.
        ADD COLUMN held_by text,
        ADD COLUMN held_by_name text,
        ADD COLUMN held_since timestamptz,
        -- In the queue since: a handoff, or a new chat on a number in human mode.
        ADD COLUMN waiting_since timestamptz,
        ADD COLUMN handoff_reason text,
        ADD COLUMN assigned_to text,
        ADD COLUMN assigned_to_name text,
        ADD COLUMN unread_count integer NOT NULL DEFAULT 0,
        -- The holding message of a waiting chat: due then, this text, sent once.
        ADD COLUMN holding_due_at timestamptz,
        ADD COLUMN holding_message text,
        ADD COLUMN holding_sent_at timestamptz`,
    `CREATE INDEX chats_workspace_waiting ON chats (workspace_id, waiting_since) WHERE waiting_since IS NOT NULL`,
    `CREATE INDEX chats_holding_due ON chats (holding_due_at) WHERE holding_due_at IS NOT NULL AND holding_sent_at IS NULL`,
  ],
  down: [
    'DROP INDEX chats_holding_due',
    'DROP INDEX chats_workspace_waiting',
    `ALTER TABLE chats DROP COLUMN held_by, DROP COLUMN held_by_name, DROP COLUMN held_since,
       DROP COLUMN waiting_since, DROP COLUMN handoff_reason, DROP COLUMN assigned_to,
       DROP COLUMN assigned_to_name, DROP COLUMN unread_count, DROP COLUMN holding_due_at,
       DROP COLUMN holding_message, DROP COLUMN holding_sent_at`,
  ],
});
