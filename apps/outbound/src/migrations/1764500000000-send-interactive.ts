import { sqlMigration } from '@app/persistence';

/** The buttons or list a send carries (sent through Twilio's Content API), kept for its record. */
export const SendInteractive1764500000000 = sqlMigration('SendInteractive1764500000000', {
  up: ['ALTER TABLE sends ADD COLUMN interactive jsonb'],
  down: ['ALTER TABLE sends DROP COLUMN interactive'],
});
