// Removes the Postgres schemas and JetStream streams this run created (prefix jt<run id>).
const { Client } = require('pg');

module.exports = async () => {
  const run = process.env.TEST_RUN_ID;
  if (!run || process.env.KEEP_TEST_DATA) return;
  const prefix = `jt${run}`;
  const client = new Client({
    connectionString: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [
      `${prefix}%`,
    ]);
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } catch (error) {
    console.warn(`test teardown: could not drop schemas: ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  try {
    const { connect } = require('@nats-io/transport-node');
    const { jetstreamManager } = require('@nats-io/jetstream');
    const nc = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' });
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      // Partition ownership's KV buckets are streams named KV_<NAMESPACE>_….
      if (name.startsWith(prefix.toUpperCase()) || name.startsWith(`KV_${prefix.toUpperCase()}`))
        await jsm.streams.delete(name);
    }
    await nc.close();
  } catch (error) {
    console.warn(`test teardown: could not delete streams: ${error.message}`);
  }
};
