import { sqlMigration } from '@app/persistence';

/** The media URLs a send carries (Twilio's MediaUrl), kept to tell chats and the API what went out. */
export const SendMediaUrls1764490000000 = sqlMigration('SendMediaUrls1764490000000', {
  up: [`ALTER TABLE sends ADD COLUMN media_urls jsonb NOT NULL DEFAULT '[]'::jsonb`],
  down: ['ALTER TABLE sends DROP COLUMN media_urls'],
});
