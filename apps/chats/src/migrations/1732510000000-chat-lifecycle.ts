import { sqlMigration } from '@app/persistence';

/**
 * Chats close: after the number's inactivity time (kept per chat, refreshed by each inbound
 * message), on request or by the agent. `closes_at` is when an open chat closes unless a message
 * comes first; `close_published_at` is the outbox of the chat.closed event.
 */
export const ChatLifecycle1732510000000 = sqlMigration('ChatLifecycle1732510000000', {
  up: [
    `ALTER TABLE chats
       ADD COLUMN close_after_seconds integer NOT NULL DEFAULT 86400 CHECK (close_after_seconds > 0),
       ADD COLUMN closes_at timestamptz,
       ADD COLUMN closed_reason text CHECK (closed_reason IN ('inactivity', 'request', 'agent')),
       ADD COLUMN close_published_at timestamptz`,
    `UPDATE chats SET closes_at = COALESCE(last_message_at, created_at) + interval '24 hours' WHERE status = 'open'`,
    // Chats closed before this migration get no event.
    `UPDATE chats SET closed_reason = 'request', close_published_at = now() WHERE status = 'closed'`,
    `CREATE INDEX chats_closing ON chats (closes_at) WHERE status = 'open'`,
    `CREATE INDEX chats_close_unpublished ON chats (closed_at) WHERE status = 'closed' AND close_published_at IS NULL`,
  ],
  down: [
    'DROP INDEX chats_close_unpublished',
    'DROP INDEX chats_closing',
    `ALTER TABLE chats DROP COLUMN close_after_seconds, DROP COLUMN closes_at, DROP COLUMN closed_reason,
       DROP COLUMN close_published_at`,
  ],
});
