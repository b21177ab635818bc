// The human-readable table of a bench report (the same figures as the JSON).
import { round } from './common.mjs';
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
/** Who each evenly paced run measured (bare: the machine and the load generator alone). */
const PACED_LABELS = {
  bare: 'bare Fastify, same rate as 1 process',
  ours1: '1 process',
  ours2: '2 processes',
};

/** The lines of an e2e part (section 2 on one process per service, 2b on the all-in-one process). */
function e2eLines(e, title, notRun) {
  const out = [];
  out.push('', title);
  if (!e) out.push(notRun);
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
    for (const s of e.steps) {
      if (s.workTotals)
        out.push(
          `   ${s.offeredRate}/s, work per answered message: ${Object.entries(s.workTotals)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')} (by service and subject in the JSON)`,
        );
    }
    const last = e.steps[e.steps.length - 1];
    if (last)
      out.push(
        `   CPU in cores during the ${last.offeredRate}/s step (send + drain): ${cpuLine(last.cpuCores)}`,
      );
    out.push(
      `   CPU of our services per answered message (step minus idle, emulator excluded): ${e.steps.map((s) => `${s.offeredRate}/s ${s.cpuMsPerMessage} ms`).join(', ')}`,
    );
    if (last?.cpuMsPerMessageByService)
      out.push(
        `     by service at ${last.offeredRate}/s, ms per message: ${cpuLine(last.cpuMsPerMessageByService)}`,
      );
    out.push(
      `   highest rate held (p99 < 1 s, every message answered exactly once): ${e.highestHeldRate ?? 'none'}${e.highestHeldRate ? ' msg/s' : ''}`,
    );
  }
  return out;
}

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
        `   evenly paced at half our max (${PACED_LABELS[k] ?? k}, ${p.rate}/s): p50 ${p.p50Ms} ms, p95 ${p.p95Ms} ms, p99 ${p.p99Ms} ms, max ${p.maxMs} ms, failed ${p.failed}` +
          (k === 'ours1' ? `   target p99 < 10 ms  ${mark(t.p99AtHalfMaxMs.met)}` : ''),
      );
    }
    out.push(
      `   durability: ${ing.durability.answered200} webhooks answered 200 by our ingress, ${ing.durability.storedOnStream} on the INBOUND stream  ${ing.durability.ok ? 'ok' : 'LOST SOME'}`,
    );
  }

  out.push(
    ...e2eLines(
      r.parts.e2e,
      '2. End to end, one process per service: webhook -> ingress -> routing -> chats -> workflow (reply step) -> outbound -> reply at the emulator',
      r.parts.system && !r.parts.system.ok
        ? `   NOT RUN: the system did not start: ${r.parts.system.error}`
        : '   not run',
    ),
  );
  const aio = r.parts.e2eAllInOne;
  if (aio)
    out.push(
      ...e2eLines(
        aio,
        "2b. End to end, all-in-one (npm start's default: the services as modules of one process, the emulator in its own)",
        '   not run',
      ),
    );
  if (aio?.ok)
    out.push(
      `   idle: ${aio.idleMiB?.['all-in-one']} MiB resident, ${aio.idleCpuCores?.['all-in-one']} CPU cores; e2e peak ${aio.e2ePeakMiB?.['all-in-one']} MiB`,
    );

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
    if (s.workTotals)
      out.push(
        `     work per send: ${Object.entries(s.workTotals)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} (by service and subject in the JSON)`,
      );
    out.push(`   (members created through POST /v1/members, 32 concurrent: ${o.membersCreatedPerSecond}/s)`);
  }
  if (b && !b.ok) out.push(`   broadcast NOT RUN: ${b.error}`);
  else if (b) {
    for (const run of b.runs) {
      out.push(
        `   broadcast routine to ${run.members} members at a configured ${run.configuredRate}/s per number: mean ${run.meanRate}/s (${run.meanVsConfigured} of configured), busiest second ${run.maxInAnySecond} ${run.exceeded ? 'EXCEEDED' : '(never above)'}, ${run.delivered} sent, missing ${run.missing}, duplicates ${run.duplicates}, ${run.totalS} s from run to last`,
      );
      const steady = o?.sends?.steadyPerSecond;
      if (steady && steady < run.configuredRate)
        out.push(
          `     note: outbound's own unlimited throughput in this run (${steady}/s) is below the configured rate, so the limiter is not what bounds this broadcast`,
        );
      out.push(`     CPU in cores: ${cpuLine(run.cpuCores)}`);
    }
  }

  const f = r.parts.footprint;
  out.push('', '4. Footprint: resident memory (VmRSS, MiB) per service process');
  if (!f) out.push('   not run');
  else {
    out.push(
      `   ${padEnd('service', 18)}${pad('idle', 8)}${pad('e2e peak', 10)}${pad('at end', 8)}${pad('idle CPU cores', 16)}`,
    );
    for (const name of Object.keys(f.idleMiB)) {
      out.push(
        `   ${padEnd(name, 18)}${pad(f.idleMiB[name], 8)}${pad(f.e2ePeakMiB?.[name], 10)}${pad(f.afterMiB?.[name], 8)}${pad(f.idleCpuCores?.[name], 16)}`,
      );
    }
  }
  const a = r.parts.allInOne;
  out.push('', '5. All-in-one: every service and the emulator in one Node process (npm start)');
  if (!a) out.push('   not run');
  else if (!a.ok) out.push(`   could not run: ${a.error}`);
  else
    out.push(
      `   ready in ${a.startupMs} ms; ${a.idleMiB} MiB resident when idle   target <= ${a.goalMiB} MiB  ${mark(a.met)}`,
    );
  const h = r.parts.hop;
  if (h) {
    out.push(
      '',
      '6. One hop in libs/messaging: CPU us per event in one process, ours against the bare NATS client (OutboundMessageUpdated, ~600 B)',
    );
    out.push(...(h.ok ? hopLines(h) : [`   could not run: ${h.error}`]));
  }
  if (r.deadServices) out.push('', `services that died: ${r.deadServices.join('; ')}`);
  if (r.profiles) {
    out.push('', "CPU profiles (--cpu-prof), each e2e step: share of each service's busy samples");
    for (const [rate, services] of Object.entries(r.profiles)) {
      for (const [name, p] of Object.entries(services)) {
        if (!p) continue;
        const top = (list, n) =>
          list
            .slice(0, n)
            .map((x) => `${x.what} ${x.share}%`)
            .join(', ');
        out.push(`   ${rate}/s ${name}: ${top(p.packages, 6)}`);
        out.push(
          `      ours: ${top(
            p.ours.filter((x) => !x.what.startsWith('(not under')),
            5,
          )}`,
        );
      }
    }
  }
  if (r.goals) {
    out.push('', 'Goals (issue 17), this run');
    for (const g of r.goals)
      out.push(
        `   ${padEnd(g.figure, 76)}${pad(g.value ?? '-', 22)}  ${padEnd(g.goal, 28)}${g.met === null ? 'not measured' : mark(g.met)}`,
      );
  }
  return out.join('\n');
}

/** Each goal of the table in issue 17 with this run's figure: met, missed, or not measured (null). */
export function goals(r) {
  const out = [];
  const add = (figure, value, goal, met) =>
    out.push({ figure, value, goal, met: value == null ? null : met });
  // The e2e goals on each stack: one process per service, and npm start's all-in-one process.
  for (const [e, stack] of [
    [r.parts.e2e?.ok ? r.parts.e2e : null, 'one process per service'],
    [r.parts.e2eAllInOne?.ok ? r.parts.e2eAllInOne : null, 'all-in-one'],
  ]) {
    if (stack === 'all-in-one' && !r.parts.e2eAllInOne) continue;
    const heldStep = e?.steps.filter((s) => s.held).sort((a, b) => b.offeredRate - a.offeredRate)[0];
    add(
      `end to end held (p99 < 1 s, each answered once), ${stack}`,
      e ? (heldStep ? `${heldStep.offeredRate}/s (p99 ${heldStep.p99Ms} ms)` : 'none held') : null,
      '>= 200 msg/s',
      (heldStep?.offeredRate ?? 0) >= 200,
    );
    const at10 = e?.steps.find((s) => s.offeredRate === 10);
    add(
      `p50 end to end at 10 msg/s, ${stack}`,
      at10 ? `${at10.p50Ms} ms` : null,
      '<= 30 ms',
      at10?.p50Ms <= 30,
    );
    // CPU per message where it is cheapest to read: the highest held step (else the first one).
    const cpuStep = heldStep ?? e?.steps[0];
    add(
      `CPU of our services per answered message, ${stack}`,
      cpuStep?.cpuMsPerMessage != null ? `${cpuStep.cpuMsPerMessage} ms at ${cpuStep.offeredRate}/s` : null,
      '<= 5 ms',
      cpuStep?.cpuMsPerMessage <= 5,
    );
  }
  const o = r.parts.outbound?.ok ? r.parts.outbound.sends : null;
  add(
    'outbound sends with checks, rate unlimited',
    o ? `${o.sendsPerSecond}/s` : null,
    '>= 500/s',
    o?.sendsPerSecond >= 500,
  );
  for (const rate of [100, 400]) {
    const b = r.parts.broadcast?.ok ? r.parts.broadcast.runs.find((x) => x.configuredRate === rate) : null;
    add(
      `broadcast at a configured ${rate}/s (mean / configured, never above)`,
      b ? `${b.meanVsConfigured}${b.exceeded ? ' EXCEEDED' : ''}` : null,
      '>= 0.98, never above',
      b?.meanVsConfigured >= 0.98 && !b?.exceeded && b?.missing === 0,
    );
  }
  const t = r.parts.ingress?.ok ? r.parts.ingress.targets : null;
  add('ingress, 1 process, vs bare Fastify', t?.vsBare.value, '>= 0.30', t?.vsBare.met);
  add(
    'ingress, 1 process, vs Express + twilio.webhook() + publish',
    t ? `${t.vsExpress.value}x` : null,
    '>= 2.5x',
    t?.vsExpress.met,
  );
  add(
    'ingress evenly paced at half its max, p99',
    t
      ? `${r.parts.ingress.paced.ours1?.p99Ms} ms` +
          (r.parts.ingress.paced.bare ? ` (bare Fastify ${r.parts.ingress.paced.bare.p99Ms} ms)` : '')
      : null,
    '<= 10 ms',
    t?.p99AtHalfMaxMs.met,
  );
  const idle = r.parts.footprint?.idleMiB;
  const ours = idle ? Object.entries(idle).filter(([n]) => n !== 'twilio-emulator') : [];
  const biggest = ours.sort((a, b) => b[1] - a[1])[0];
  add(
    'memory per idle service (largest)',
    biggest ? `${biggest[1]} MiB (${biggest[0]})` : null,
    '<= 120 MiB',
    biggest?.[1] <= 120,
  );
  const a = r.parts.allInOne?.ok ? r.parts.allInOne : null;
  add('whole stack idle in one all-in-one process', a ? `${a.idleMiB} MiB` : null, '<= 300 MiB', a?.met);
  const f = r.parts.fairness?.ok ? r.parts.fairness : null;
  add(
    `another workspace's reply p99 during a ${f?.broadcastMembers ?? '10,000'}-member SMS broadcast at 1/s`,
    f ? `${f.duringBroadcast.p99Ms} vs ${f.unloaded.p99Ms} ms (${f.p99Ratio}x)` : null,
    'within 20 % of unloaded',
    f?.p99Ratio <= 1.2 && f?.duringBroadcast.missing === 0 && f?.duringBroadcast.duplicates === 0,
  );
  return out;
}

/** Part 6 (bench/parts/hop.mjs). */
export function hopLines(h) {
  return [
    `   ${h.events} events x ${h.rounds} rounds published (${h.publishers} in flight), ${h.consumed} handled per consumer; CPU of this process`,
    `   publish (awaited ack)              bare ${h.publish.bareUs} us   ours ${h.publish.oursUs} us   overhead ${round(h.publish.oursUs - h.publish.bareUs, 1)} us`,
    `   handle (no-op handler, ack)        bare ${h.consume.bareUs} us   unordered ${h.consume.unorderedUs} us   ordered ${h.consume.orderedUs} us`,
  ];
}
