// What one answered message costs in round trips, independent of how busy the machine is: events
// handled and published and requests answered, and Postgres statements sent (each service's /metrics
// counters), and the statements' table accesses (`pg_stat_user_tables` of the run's schemas), counted
// over an e2e step.
import pg from 'pg';
import { round } from './common.mjs';
import { DATABASE_URL } from './infra.mjs';

const COUNTERS = [
  'messaging_handled_total',
  'messaging_skipped_total',
  'messaging_published_total',
  'messaging_requests_total',
  'db_statements_total',
];
const SHORT = {
  messaging_handled_total: 'handled',
  messaging_skipped_total: 'skipped',
  messaging_published_total: 'published',
  messaging_requests_total: 'requests',
  db_statements_total: 'pg statements',
};

/** `{ '<service> <what> <subject>': count }` summed over the other labels. */
async function metrics(stack) {
  const out = {};
  for (const c of stack.children) {
    if (c.name === 'twilio-emulator') continue;
    let text;
    try {
      text = await fetch(`http://127.0.0.1:${c.port}/metrics`).then((r) => r.text());
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const m = /^(\w+)(?:\{([^}]*)\})? ([\d.e+]+)$/.exec(line);
      if (!m || !COUNTERS.includes(m[1])) continue;
      const subject = /subject="([^"]+)"/.exec(m[2] ?? '')?.[1] ?? 'all';
      const key = `${c.name} ${SHORT[m[1]]} ${subject}`;
      out[key] = (out[key] ?? 0) + Number(m[3]);
    }
  }
  return out;
}

/** `{ '<service> pg <scans|seq-scans|writes> <table>': count }`: index scans, sequential scans, rows written. */
async function tableStats(schemaPrefix) {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    // Statistics reach the view when a backend flushes them (about once a second).
    const { rows } = await client.query(
      `SELECT schemaname, relname, coalesce(idx_scan, 0)::float8 AS scans, seq_scan::float8 AS seq,
              (n_tup_ins + n_tup_upd + n_tup_del)::float8 AS writes
         FROM pg_stat_user_tables WHERE schemaname LIKE $1`,
      [`${schemaPrefix}\\_%`],
    );
    const out = {};
    for (const r of rows) {
      const service = r.schemaname.slice(schemaPrefix.length + 1).replace(/_/g, '-');
      out[`${service} pg scans ${r.relname}`] = r.scans;
      out[`${service} pg seq-scans ${r.relname}`] = r.seq;
      out[`${service} pg writes ${r.relname}`] = r.writes;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** A snapshot now; `.per(answered)` later gives the counts added since, per answered message. */
export async function workMeter(stack, schemaPrefix) {
  const snap = async () => ({ ...(await metrics(stack)), ...(await tableStats(schemaPrefix)) });
  const before = await snap();
  return {
    async per(answered) {
      if (!answered) return null;
      // The last replies' status callbacks still flow after them: count until nothing moves for
      // 2 s (Postgres also flushes its statistics about once a second), at most 30 s.
      let after = await snap();
      for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
        await new Promise((r) => setTimeout(r, 2_000));
        const again = await snap();
        const moved = Object.keys(again).some((k) => again[k] !== after[k]);
        after = again;
        if (!moved) break;
      }
      const out = {};
      for (const [k, v] of Object.entries(after)) {
        const d = v - (before[k] ?? 0);
        if (d > 0) out[k] = round(d / answered, 2);
      }
      return Object.fromEntries(Object.entries(out).sort((a, b) => a[0].localeCompare(b[0])));
    },
  };
}

/** Totals per kind (handled, published, requests, pg scans, pg writes) over every service. */
export function workTotals(work) {
  const totals = {};
  for (const [k, v] of Object.entries(work ?? {})) {
    const kind = k
      .split(' ')
      .slice(1, k.includes(' pg ') ? 3 : 2)
      .join(' ');
    totals[kind] = round((totals[kind] ?? 0) + v, 2);
  }
  return totals;
}
