import { sqlMigration } from '@app/persistence';

/** Sends accepted per workspace and UTC day, counted while the workspace has a daily quota. */
export const DailySendCounts1732496000000 = sqlMigration('DailySendCounts1732496000000', {
  up: [
    `
      CREATE TABLE daily_send_counts (
        workspace_id uuid NOT NULL,
        day date NOT NULL,
        sends integer NOT NULL,
        PRIMARY KEY (workspace_id, day)
      )`,
  ],
  down: ['DROP TABLE daily_send_counts'],
});
