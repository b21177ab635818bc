// Evenly paced load (open loop): `rate` signed webhooks per second for `durationS`, spread over
// every millisecond (not sent in per-second bursts), over a pool of keep-alive connections.
// Records each request's latency (from its dispatch) and, with `record`, each message's send time
// and conversation for end-to-end matching. Prints one JSON line.
// argv[2]: { url, signedUrl, rate, durationS, connections, to, phonePrefix, phoneBase, perPhone, bodyPrefix, record }
import { Pool } from 'undici';
import { sidFactory, signedWebhook } from '../lib/webhook.mjs';

const cfg = JSON.parse(process.argv[2]);
const url = new URL(cfg.url);
const pool = new Pool(url.origin, {
  connections: cfg.connections ?? 64,
  pipelining: 1,
  keepAliveTimeout: 60_000,
});
const nextSid = sidFactory('SM');
const total = Math.round(cfg.rate * cfg.durationS);
const perPhone = cfg.perPhone ?? 1;
const latencies = new Float64Array(total);
const sent = cfg.record ? [] : null;
let done = 0;
let ok = 0;
let failed = 0;
const statuses = {};
let maxLagMs = 0;

function phoneOf(i) {
  const k = Math.floor(i / perPhone);
  return `${cfg.phonePrefix ?? '+1444'}${String((cfg.phoneBase ?? 0) + k).padStart(7, '0')}`;
}

function fire(i) {
  const from = phoneOf(i);
  const messageSid = nextSid();
  const body = cfg.bodyPrefix
    ? `${cfg.bodyPrefix}${i}`
    : 'Hello there, I would like to book an appointment for next Tuesday morning please.';
  const hook = signedWebhook(cfg.signedUrl, { messageSid, from, to: cfg.to ?? '+15550001111', body });
  const t0 = performance.now();
  const at = Date.now();
  if (sent) sent.push({ i, from, messageSid, at });
  pool
    .request({ method: 'POST', path: url.pathname, headers: hook.headers, body: hook.body })
    .then(async (res) => {
      await res.body.dump();
      latencies[i] = performance.now() - t0;
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      if (res.statusCode === 200) ok++;
      else failed++;
    })
    .catch((error) => {
      latencies[i] = performance.now() - t0;
      statuses[error.code ?? 'error'] = (statuses[error.code ?? 'error'] ?? 0) + 1;
      failed++;
    })
    .finally(() => {
      if (++done === total) finish();
    });
}

const start = performance.now();
let next = 0;
function tick() {
  const now = performance.now();
  const due = Math.min(total, Math.floor(((now - start) * cfg.rate) / 1000) + 1);
  if (due - next > 1) maxLagMs = Math.max(maxLagMs, ((due - next - 1) * 1000) / cfg.rate);
  while (next < due) fire(next++);
  if (next < total) setTimeout(tick, 1);
}
let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  const elapsedS = (performance.now() - start) / 1000;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  process.stdout.write(
    `${JSON.stringify({
      offered: cfg.rate,
      total,
      ok,
      failed,
      statuses,
      achievedRps: total / elapsedS,
      latencyMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: sorted[sorted.length - 1] },
      maxSchedulerLagMs: maxLagMs,
      sent,
    })}\n`,
  );
  void pool.close();
}
if (total === 0) finish();
else tick();
