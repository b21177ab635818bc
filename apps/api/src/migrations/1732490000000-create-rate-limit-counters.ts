import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRateLimitCounters1732490000000 implements MigrationInterface {
  name = 'CreateRateLimitCounters1732490000000';

  async up(q: QueryRunner): Promise<void> {
    // UNLOGGED: no write-ahead log for counters that only matter for a few minutes (a crash
    // empties the table, which merely resets the limits). Windows start at epoch milliseconds.
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_counters (
        key text NOT NULL,
        window_start bigint NOT NULL,
        window_ms integer NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (key, window_start)
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_counters`);
  }
}
