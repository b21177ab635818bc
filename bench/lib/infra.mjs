// NATS and Postgres housekeeping for a bench run: stream counts and removal of everything the run created.
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import pg from 'pg';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const streamPrefix = (ns) => `${ns.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase()}_`;

export async function withJsm(fn) {
  const nc = await connect({ servers: NATS_URL, noAsyncTraces: true });
  try {
    return await fn(await jetstreamManager(nc), nc);
  } finally {
    await nc.close();
  }
}

export async function streamMessages(ns, name) {
  return withJsm(async (jsm) => {
    try {
      return (await jsm.streams.info(`${streamPrefix(ns)}${name}`)).state.messages;
    } catch {
      return 0;
    }
  });
}

/** Deletes every stream of these namespaces; returns the names deleted. */
export async function deleteStreams(namespaces) {
  const prefixes = namespaces.map(streamPrefix);
  return withJsm(async (jsm) => {
    const deleted = [];
    for await (const s of jsm.streams.list()) {
      if (prefixes.some((p) => s.config.name.startsWith(p))) {
        await jsm.streams.delete(s.config.name);
        deleted.push(s.config.name);
      }
    }
    return deleted;
  });
}

/** Drops every schema named `<prefix>_...`; returns their names. */
export async function dropSchemas(prefix) {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [
      `${prefix}\\_%`,
    ]);
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
    return rows.map((r) => r.nspname);
  } finally {
    await client.end();
  }
}
