import { sqlMigration } from '@app/persistence';

/**
 * Per number: how long its chats stay open without a message (seconds; 24 hours unless set), and
 * the join code of a Twilio WhatsApp sandbox number (`join <code>`).
 */
export const ChatInactivityAndSandboxCode1732510000000 = sqlMigration(
  'ChatInactivityAndSandboxCode1732510000000',
  {
    up: [
      `ALTER TABLE phone_numbers
         ADD COLUMN inactivity_close_after_seconds integer NOT NULL DEFAULT 86400 CHECK (inactivity_close_after_seconds > 0),
         ADD COLUMN whatsapp_sandbox_join_code text`,
    ],
    down: [
      'ALTER TABLE phone_numbers DROP COLUMN inactivity_close_after_seconds, DROP COLUMN whatsapp_sandbox_join_code',
    ],
  },
);
