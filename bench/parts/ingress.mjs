// Part 1: ingress throughput and latency against a bare Fastify server and an Express +
// twilio.webhook() + JetStream baseline, all under the same load, in the same run.
import { join } from 'node:path';
import { devEnvironment } from '../../scripts/stack.mjs';
import {
  cpuSeconds,
  log,
  median,
  root,
  round,
  rssMiB,
  runJsonChild,
  sleep,
  spawnNode,
  stopChild,
  waitHttp,
} from '../lib/common.mjs';
import { streamMessages } from '../lib/infra.mjs';

const VARIANTS = [
  { key: 'bare', label: 'bare Fastify, TwiML only', script: 'bench/servers/bare-fastify.mjs' },
  {
    key: 'express',
    label: 'Express + twilio.webhook() + publish',
    script: 'bench/servers/express-twilio.mjs',
  },
  { key: 'ours1', label: 'our ingress, 1 process', script: 'dist/apps/ingress/src/main.js', ours: true },
  {
    key: 'ours2',
    label: 'our ingress, 2 processes (cluster)',
    script: 'bench/servers/ingress-cluster.mjs',
    ours: true,
    workers: 2,
  },
];

export async function benchIngress({ quick, ns, port }) {
  const warmS = quick ? 1 : 3;
  const measureS = quick ? 3 : 8;
  const rounds = quick ? 1 : 3;
  const pacedS = quick ? 4 : 15;
  const servers = {};
  try {
    // Start every server at once (idle ones cost nothing measurable), each on its own port.
    await Promise.all(
      VARIANTS.map(async (v, i) => {
        const vport = port + i;
        const base = `http://127.0.0.1:${vport}`;
        const env = {
          ...devEnvironment({ ...process.env, NATS_NAMESPACE: ns, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: base }),
          PORT: String(vport),
          INGRESS_WORKERS: String(v.workers ?? 1),
        };
        const child = spawnNode(join(root, v.script), [], env, { ipc: Boolean(v.workers) });
        const workers = new Promise((resolve) => child.on('message', (m) => m.workers && resolve(m.workers)));
        servers[v.key] = { ...v, child, base, url: `${base}/twilio/messaging`, pids: [child.pid] };
        try {
          await waitHttp(`${base}/health/ready`, child, 60_000);
          if (v.workers) servers[v.key].pids.push(...(await workers));
        } catch (error) {
          // One variant that cannot start (e.g. express not installed) does not stop the others.
          servers[v.key].error = `did not start: ${error.message}`;
          log(`ingress ${v.key} ${servers[v.key].error}`);
        }
      }),
    );
    if (servers.ours1.error) throw new Error(`our ingress ${servers.ours1.error}`);
    await sleep(1000);
    const idleRss = Object.fromEntries(Object.values(servers).map((s) => [s.key, sumRss(s.pids)]));

    let answered200 = 0;
    const runs = Object.fromEntries(VARIANTS.map((v) => [v.key, []]));
    for (let r = 0; r < rounds; r++) {
      for (const v of VARIANTS) {
        const s = servers[v.key];
        if (s.error) continue;
        const cfg = { url: s.url, signedUrl: s.url, connections: 50 };
        if (r === 0) {
          const warm = await runJsonChild('bench/load/cannon.mjs', { ...cfg, durationS: warmS });
          if (v.ours) answered200 += warm.total - warm.non2xx;
        }
        const cpu0 = sumCpu(s.pids);
        let res;
        try {
          res = await runJsonChild('bench/load/cannon.mjs', { ...cfg, durationS: measureS });
        } catch (error) {
          s.error = `load run failed: ${error.message}`;
          continue;
        }
        const cpu = sumCpu(s.pids) - cpu0;
        res.serverCpuUsPerReq = res.total > 0 ? (cpu * 1e6) / res.total : null;
        res.rssMiB = sumRss(s.pids);
        runs[v.key].push(res);
        if (v.ours) answered200 += res.total - res.non2xx;
        log(
          `ingress ${v.key} round ${r + 1}: ${round(res.total / measureS)} req/s, p50 ${res.latencyMs.p50} ms, p99 ${res.latencyMs.p99} ms, non-2xx ${res.non2xx}, errors ${res.errors}`,
        );
        await sleep(300);
      }
    }

    const summary = {};
    for (const v of VARIANTS) {
      const rs = runs[v.key];
      if (servers[v.key].error || rs.length === 0) {
        summary[v.key] = { label: v.label, error: servers[v.key].error ?? 'no measurement' };
        continue;
      }
      summary[v.key] = {
        label: v.label,
        rps: round(median(rs.map((x) => x.total / measureS))),
        p50Ms: median(rs.map((x) => x.latencyMs.p50)),
        p99Ms: median(rs.map((x) => x.latencyMs.p99)),
        non2xx: rs.reduce((a, x) => a + x.non2xx + x.errors + x.timeouts, 0),
        serverCpuUsPerReq: round(median(rs.map((x) => x.serverCpuUsPerReq)), 1),
        rssIdleMiB: idleRss[v.key],
        rssLoadedMiB: median(rs.map((x) => x.rssMiB)),
        rounds: rs.map((x) => round(x.total / measureS)),
      };
    }
    const ratio = (a, b, d) =>
      summary[a].rps && summary[b].rps ? round(summary[a].rps / summary[b].rps, d) : null;
    for (const k of ['ours1', 'ours2', 'express']) summary[k].vsBare = ratio(k, 'bare', 3);
    for (const k of ['ours1', 'ours2']) summary[k].vsExpress = ratio(k, 'express', 2);

    // Latency at half our maximum rate, evenly paced (open loop).
    const paced = {};
    // Bare Fastify at ours1's rate: what the machine and the load generator alone give that p99.
    for (const k of quick ? ['bare', 'ours1'] : ['bare', 'ours1', 'ours2']) {
      const of = k === 'bare' ? 'ours1' : k;
      if (!summary[k].rps || !summary[of].rps) continue;
      const rate = Math.round(summary[of].rps / 2);
      const s = servers[k];
      const res = await runJsonChild('bench/load/paced.mjs', {
        url: s.url,
        signedUrl: s.url,
        rate,
        durationS: pacedS,
        connections: 64,
      });
      paced[k] = {
        rate,
        achievedRps: round(res.achievedRps),
        p50Ms: round(res.latencyMs.p50, 2),
        p95Ms: round(res.latencyMs.p95, 2),
        p99Ms: round(res.latencyMs.p99, 2),
        maxMs: round(res.latencyMs.max, 1),
        ok: res.ok,
        failed: res.failed,
        generatorLagMs: round(res.maxSchedulerLagMs, 1),
      };
      log(
        `ingress ${k} paced at ${rate}/s: p50 ${paced[k].p50Ms} ms, p99 ${paced[k].p99Ms} ms, failed ${res.failed}`,
      );
    }

    // Checked, not assumed: every 200 of our ingress is a message on the INBOUND stream (bare
    // Fastify's paced 200s stored nothing: not counted).
    answered200 += Object.entries(paced).reduce((a, [k, x]) => a + (servers[k].ours ? x.ok : 0), 0);
    const stored = await streamMessages(ns, 'INBOUND');
    return {
      durationS: measureS,
      rounds,
      connections: 50,
      variants: summary,
      paced,
      durability: { answered200, storedOnStream: stored, ok: stored >= answered200 },
      targets: {
        vsBare: {
          target: 0.3,
          value: summary.ours1.vsBare,
          met: summary.ours1.vsBare !== null && summary.ours1.vsBare >= 0.3,
        },
        vsExpress: {
          target: 2.5,
          value: summary.ours1.vsExpress,
          met: summary.ours1.vsExpress !== null && summary.ours1.vsExpress >= 2.5,
        },
        p99AtHalfMaxMs: {
          target: 10,
          value: paced.ours1?.p99Ms ?? null,
          met: (paced.ours1?.p99Ms ?? Infinity) < 10,
        },
      },
    };
  } finally {
    await Promise.all(Object.values(servers).map((s) => stopChild(s.child)));
  }
}

function sumRss(pids) {
  return round(
    pids.reduce((a, pid) => a + (rssMiB(pid) ?? 0), 0),
    1,
  );
}
function sumCpu(pids) {
  return pids.reduce((a, pid) => a + (cpuSeconds(pid) ?? 0), 0);
}
