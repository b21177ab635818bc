import { sqlMigration } from '@app/persistence';

/** Who answers a number's chats (ai, human, ai_with_handoff), and the holding message of a handoff nobody answers. */
export const WorkMode1732520000000 = sqlMigration('WorkMode1732520000000', {
  up: [
    `ALTER TABLE phone_numbers
       ADD COLUMN work_mode text NOT NULL DEFAULT 'ai' CHECK (work_mode IN ('ai', 'human', 'ai_with_handoff')),
       ADD COLUMN handoff_timeout_seconds integer,
       ADD COLUMN holding_message text`,
  ],
  down: [
    `ALTER TABLE phone_numbers DROP COLUMN work_mode, DROP COLUMN handoff_timeout_seconds, DROP COLUMN holding_message`,
  ],
});
