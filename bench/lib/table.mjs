// The human-readable table of a bench report (the same figures as the JSON).
const pad = (v, n) => String(v ?? '-').padStart(n);
const padEnd = (v, n) => String(v ?? '-').padEnd(n);
const cpuLine = (cores) =>
  cores
    ? Object.entries(cores)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
    : '-';
const mark = (ok) => (ok ? 'met' : 'MISSED');

export function printTable(r) {
  const out = [];
  const m = r.machine;
  out.push(
    `twilio-agents bench: ${r.mode} run ${r.runId}, ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC, commit ${m.commit}`,
  );
  out.push(
    `machine: ${m.cores} x ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, nats-server ${m.nats}, Postgres ${m.postgres}`,
  );
  out.push(
    `load average at start ${m.loadAverageAtStart.join(' ')}, at end ${m.loadAverageAtEnd?.join(' ')}${m.loadAverageAtStart[0] > 1.5 ? '  (machine busy: compare ratios, not absolute figures)' : ''}`,
  );

  const ing = r.parts.ingress;
  out.push(
    '',
    '1. Ingress: signed 16-parameter WhatsApp webhook (~550 B), unique MessageSid, autocannon, 50 connections, separate process',
  );
  if (!ing) out.push('   not run');
  else if (!ing.ok) out.push(`   NOT RUN: ${ing.error}`);
  else {
    out.push(`   ${ing.rounds} round(s) of ${ing.durationS} s per variant, interleaved; medians`);
    out.push(
      `   ${padEnd('variant', 40)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('CPU us/req', 12)}${pad('vs bare', 9)}${pad('RSS MiB', 9)}${pad('non-2xx', 9)}`,
    );
    for (const [, v] of Object.entries(ing.variants)) {
      if (v.error) {
        out.push(`   ${padEnd(v.label, 40)}NOT RUN: ${v.error}`);
        continue;
      }
      out.push(
        `   ${padEnd(v.label, 40)}${pad(v.rps, 8)}${pad(v.p50Ms, 8)}${pad(v.p99Ms, 8)}${pad(v.serverCpuUsPerReq, 12)}${pad(v.vsBare ?? 1, 9)}${pad(v.rssLoadedMiB, 9)}${pad(v.non2xx, 9)}`,
      );
    }
    const t = ing.targets;
    out.push(
      `   ours (1 process) / bare Fastify:  ${t.vsBare.value ?? '-'}   target >= 0.30  ${t.vsBare.value === null ? 'not measured' : mark(t.vsBare.met)}`,
    );
    out.push(
      `   ours (1 process) / Express:       ${t.vsExpress.value ?? '-'}x  target >= 2.5x  ${t.vsExpress.value === null ? 'not measured' : mark(t.vsExpress.met)}   (2 processes: ${ing.variants.ours2.vsExpress ?? '-'}x, ${ing.variants.ours2.vsBare ?? '-'} of bare)`,
    );
    for (const [k, p] of Object.entries(ing.paced)) {
      out.push(
        `   evenly paced at half our max (${k === 'ours1' ? '1 process' : '2 processes'}, ${p.rate}/s): p50 ${p.p50Ms} ms, p95 ${p.p95Ms} ms, p99 ${p.p99Ms} ms, max ${p.maxMs} ms, failed ${p.failed}` +
          (k === 'ours1' ? `   target p99 < 10 ms  ${mark(t.p99AtHalfMaxMs.met)}` : ''),
      );
    }
    out.push(
      `   durability: ${ing.durability.answered200} webhooks answered 200 by our ingress, ${ing.durability.storedOnStream} on the INBOUND stream  ${ing.durability.ok ? 'ok' : 'LOST SOME'}`,
    );
  }

  const e = r.parts.e2e;
  out.push(
    '',
    '2. End to end: webhook -> ingress -> routing -> chats -> workflow (reply step) -> outbound -> reply at the emulator',
  );
  if (!e)
    out.push(
      r.parts.system && !r.parts.system.ok
        ? `   NOT RUN: the system did not start: ${r.parts.system.error}`
        : '   not run',
    );
  else if (!e.ok) out.push(`   NOT RUN: ${e.error}`);
  else {
    out.push('   evenly paced, one new conversation (phone) per message; each reply matched to its message');
    out.push(
      `   ${pad('offered/s', 10)}${pad('sent', 7)}${pad('answered', 10)}${pad('missing', 9)}${pad('dup', 5)}${pad('p50 ms', 8)}${pad('p95 ms', 8)}${pad('p99 ms', 8)}${pad('max ms', 8)}${pad('drain s', 9)}  held`,
    );
    for (const s of e.steps) {
      out.push(
        `   ${pad(s.offeredRate, 10)}${pad(s.sent, 7)}${pad(s.answered, 10)}${pad(s.missing, 9)}${pad(s.duplicates, 5)}${pad(s.p50Ms, 8)}${pad(s.p95Ms, 8)}${pad(s.p99Ms, 8)}${pad(s.maxMs, 8)}${pad(s.drainS, 9)}  ${s.held ? 'yes' : 'no'}` +
          (s.stillArrivingAtCutoff
            ? `  (replies still arriving when we stopped waiting: ${s.missing} late, not counted as lost)`
            : s.missing
              ? '  (LOST: nothing more arrived)'
              : '') +
          (s.webhooksFailed
            ? `  (${s.webhooksFailed} webhooks not 200: ${JSON.stringify(s.webhookStatuses)})`
            : '') +
          (s.deadServices.length ? `  DIED: ${s.deadServices.join('; ')}` : ''),
      );
    }
    if (e.notRun?.length)
      out.push(
        `   not run: ${e.notRun.join(', ')}/s (a lower rate was not held; past saturation the backlog only grows)`,
      );
    for (const s of e.steps) {
      if (s.hops && !s.hops.error) {
        out.push(
          `   ${s.offeredRate}/s, time per hop p50/p99 ms: ${Object.entries(s.hops)
            .map(([k, v]) => `${k} ${v.p50Ms}/${v.p99Ms}`)
            .join(', ')}`,
        );
      }
    }
    const last = e.steps[e.steps.length - 1];
    if (last)
      out.push(
        `   CPU in cores during the ${last.offeredRate}/s step (send + drain): ${cpuLine(last.cpuCores)}`,
      );
    out.push(
      `   highest rate held (p99 < 1 s, every message answered exactly once): ${e.highestHeldRate ?? 'none'}${e.highestHeldRate ? ' msg/s' : ''}`,
    );
  }

  const o = r.parts.outbound;
  const b = r.parts.broadcast;
  out.push('', '3. Outbound');
  if (!o) out.push('   not run');
  else if (!o.ok) out.push(`   NOT RUN: ${o.error}`);
  else {
    const s = o.sends;
    out.push(
      `   send requests on JetStream -> checks -> Postgres -> emulator (template, rate unlimited): ${s.delivered}/${s.requests} sent, ${s.sendsPerSecond} sends/s overall, ${s.steadyPerSecond}/s steady, missing ${s.missing}, duplicates ${s.duplicates}`,
    );
    out.push(`     CPU in cores: ${cpuLine(s.cpuCores)}`);
    out.push(`   (members created through POST /v1/members, 32 concurrent: ${o.membersCreatedPerSecond}/s)`);
  }
  if (b && !b.ok) out.push(`   broadcast NOT RUN: ${b.error}`);
  else if (b) {
    out.push(
      `   broadcast routine to ${b.members} members at a configured ${b.configuredRate}/s per number: mean ${b.meanRate}/s (${b.meanVsConfigured} of configured), busiest second ${b.maxInAnySecond} ${b.exceeded ? 'EXCEEDED' : '(never above)'}, ${b.delivered} sent, missing ${b.missing}, duplicates ${b.duplicates}, ${b.totalS} s from run to last`,
    );
    const steady = o?.sends?.steadyPerSecond;
    if (steady && steady < b.configuredRate)
      out.push(
        `     note: outbound's own unlimited throughput in this run (${steady}/s) is below the configured rate, so the limiter is not what bounds this broadcast`,
      );
    out.push(`     CPU in cores: ${cpuLine(b.cpuCores)}`);
  }

  const f = r.parts.footprint;
  out.push('', '4. Footprint: resident memory (VmRSS, MiB) per service process');
  if (!f) out.push('   not run');
  else {
    out.push(`   ${padEnd('service', 18)}${pad('idle', 8)}${pad('e2e peak', 10)}${pad('at end', 8)}`);
    for (const name of Object.keys(f.idleMiB)) {
      out.push(
        `   ${padEnd(name, 18)}${pad(f.idleMiB[name], 8)}${pad(f.e2ePeakMiB?.[name], 10)}${pad(f.afterMiB?.[name], 8)}`,
      );
    }
  }
  if (r.deadServices) out.push('', `services that died: ${r.deadServices.join('; ')}`);
  return out.join('\n');
}
