import { sqlMigration } from '@app/persistence';

export const CreateChats1732470000000 = sqlMigration('CreateChats1732470000000', {
  up: [
    `
      CREATE TABLE chats (
        id uuid PRIMARY KEY,
        -- Insertion order: a stable key for newest-first pages (timestamps can tie).
        seq bigserial NOT NULL UNIQUE,
        workspace_id uuid NOT NULL,
        phone_number_id uuid NOT NULL,
        member_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        -- What opened it ('inbound:<twilioSid>', 'send:<sendId>', 'request'): a redelivered
        -- inbound message can tell whether it was the one that created the chat.
        opened_by text NOT NULL,
        last_message_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      )`,
    // One open chat per number, member and channel; closed chats are history.
    `CREATE UNIQUE INDEX chats_one_open ON chats (workspace_id, phone_number_id, member_id, channel) WHERE status = 'open'`,
    `CREATE INDEX chats_workspace_seq ON chats (workspace_id, seq DESC)`,
    `CREATE INDEX chats_workspace_member ON chats (workspace_id, member_id, seq DESC)`,
    `
      CREATE TABLE chat_messages (
        id uuid PRIMARY KEY,
        -- Breaks ties between messages with the same created_at.
        seq bigserial NOT NULL UNIQUE,
        workspace_id uuid NOT NULL,
        chat_id uuid NOT NULL REFERENCES chats (id),
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        body text,
        content_sid text,
        media jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL,
        error_code text,
        error_reason text,
        twilio_sid text,
        send_id uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    // Twilio retries and JetStream redeliveries store nothing new.
    `CREATE UNIQUE INDEX chat_messages_twilio_sid ON chat_messages (workspace_id, twilio_sid) WHERE twilio_sid IS NOT NULL`,
    `CREATE UNIQUE INDEX chat_messages_send_id ON chat_messages (workspace_id, send_id) WHERE send_id IS NOT NULL`,
    `CREATE INDEX chat_messages_chat_order ON chat_messages (chat_id, created_at, seq)`,
  ],
  down: ['DROP TABLE chat_messages', 'DROP TABLE chats'],
});
