import { sqlMigration } from '@app/persistence';

/** The button or list item an inbound message is the press of (Twilio's ButtonPayload / ListId). */
export const MessageChoice1764500000000 = sqlMigration('MessageChoice1764500000000', {
  up: ['ALTER TABLE chat_messages ADD COLUMN choice jsonb'],
  down: ['ALTER TABLE chat_messages DROP COLUMN choice'],
});
