import { sqlMigration } from '@app/persistence';

export const CreateRateLimitCounters1732490000000 = sqlMigration('CreateRateLimitCounters1732490000000', {
  up: [
    // UNLOGGED: no write-ahead log for counters that only matter for a few minutes (a crash
    // empties the table, which merely resets the limits). Windows start at epoch milliseconds.
    `
      CREATE UNLOGGED TABLE rate_limit_counters (
        key text NOT NULL,
        window_start bigint NOT NULL,
        window_ms integer NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (key, window_start)
      )
    `,
  ],
  down: [`DROP TABLE rate_limit_counters`],
});
