import { sqlMigration } from '@app/persistence';

/** The buttons or list an outbound message offered (outbound's `interactive`), to show with it. */
export const MessageInteractive1764510000000 = sqlMigration('MessageInteractive1764510000000', {
  up: ['ALTER TABLE chat_messages ADD COLUMN interactive jsonb'],
  down: ['ALTER TABLE chat_messages DROP COLUMN interactive'],
});
