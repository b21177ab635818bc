// Part 2: inbound webhook -> ingress -> routing -> chats -> workflow (`reply` step) -> outbound ->
// the emulator, at fixed, evenly paced rates over distinct conversations. Every message must be
// answered exactly once; the latency is the reply's arrival at the emulator minus the send time.
import { pool } from '../lib/stack.mjs';
import { hopBreakdown } from '../lib/hops.mjs';
import { workMeter, workTotals } from '../lib/work.mjs';
import { log, quantile, round, rssMiB, runJsonChild, sleep } from '../lib/common.mjs';

export async function benchE2E({
  quick,
  ns,
  system,
  number,
  rates,
  extraRates,
  bisect,
  durationS,
  footprint,
  firstStep = 0,
}) {
  const { stack } = system;
  const emulator = stack.url('twilio-emulator');
  const ingressUrl = `${stack.url('ingress')}/twilio/messaging`;
  const steps = [];
  // A second call passes its own firstStep: its phones and bodies differ from the first's.
  let stepNo = firstStep;
  const results = async (rate) => {
    stepNo++;
    const total = Math.round(rate * durationS);
    const phoneBase = stepNo * 1_000_000; // members +1555<step><6 digits>: distinct per message
    const phones = Array.from({ length: total }, (_, i) => `+1555${String(phoneBase + i).padStart(7, '0')}`);
    // Each phone "wrote in" for the emulator's WhatsApp window (we post webhooks straight to ingress).
    await fetch(`${emulator}/emulator/reset`, { method: 'POST' });
    const now = Date.now();
    await pool(phones, 32, (phone) =>
      fetch(`${emulator}/emulator/window`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ number: number.number, phone, lastInboundAt: now }),
      }).then((r) => r.arrayBuffer()),
    );

    const peak = {};
    const sampler = setInterval(() => footprint.sample(peak), 500);
    const bodyPrefix = `s${stepNo} `;
    const sendStart = Date.now();
    const monoStartUs = Number(process.hrtime.bigint() / 1000n); // the clock of --cpu-prof's samples
    const cpu = footprint.cpuMeter();
    const work = await workMeter(stack, system.schemaPrefix);
    let sent;
    try {
      sent = await runJsonChild('bench/load/paced.mjs', {
        url: ingressUrl,
        signedUrl: ingressUrl,
        to: number.number,
        rate,
        durationS,
        connections: 64,
        phonePrefix: '+1555',
        phoneBase,
        perPhone: 1,
        bodyPrefix,
        record: true,
      });
    } catch (error) {
      clearInterval(sampler);
      throw error;
    }
    // Wait for the replies: until all came, or nothing new arrived for a while (then they are lost).
    const expected = sent.ok;
    const quietMs = quick ? 8_000 : 15_000;
    const maxWaitMs = (durationS * 4 + 30) * 1000;
    let stillArriving = false;
    let replies = [];
    let lastCount = -1;
    let lastChange = Date.now();
    for (;;) {
      const list = await fetch(
        `${emulator}/emulator/messages?from=${encodeURIComponent(`whatsapp:${number.number}`)}`,
      ).then((r) => r.json());
      replies = list.messages.filter((m) => m.body?.startsWith(`ok ${bodyPrefix}`));
      if (replies.length !== lastCount) {
        lastCount = replies.length;
        lastChange = Date.now();
      }
      if (replies.length >= expected && Date.now() - lastChange > 1000) break; // all in (and a second for duplicates)
      if (Date.now() - lastChange > quietMs) break; // nothing new for a while: the rest is lost
      if (Date.now() - sendStart > maxWaitMs) {
        stillArriving = true; // a backlog still draining: late, not (yet) lost
        break;
      }
      if (stack.dead().length) break;
      await sleep(500);
    }
    clearInterval(sampler);
    const cpuSeconds = cpu({ seconds: true });
    const stepS = (Date.now() - sendStart) / 1000;
    const cpuCores = Object.fromEntries(Object.entries(cpuSeconds).map(([k, v]) => [k, round(v / stepS, 2)]));
    const monoEndUs = Number(process.hrtime.bigint() / 1000n);
    const drainS = (Date.now() - sendStart) / 1000 - durationS;

    // Match: every accepted webhook answered exactly once, on its own conversation.
    const byIndex = new Map();
    let wrongRecipient = 0;
    for (const m of replies) {
      const i = Number(m.body.slice(`ok ${bodyPrefix}`.length));
      if (m.to !== `whatsapp:${phones[i]}`) wrongRecipient++;
      if (!byIndex.has(i)) byIndex.set(i, []);
      byIndex.get(i).push(m);
    }
    const latencies = [];
    let missing = 0;
    let duplicates = 0;
    for (const s of sent.sent) {
      const got = byIndex.get(s.i);
      if (!got) {
        missing++;
        continue;
      }
      if (got.length > 1) duplicates += got.length - 1;
      latencies.push(got[0].createdAt - s.at);
    }
    latencies.sort((a, b) => a - b);
    let workPerMessage = null;
    try {
      workPerMessage = await work.per(latencies.length);
    } catch (error) {
      workPerMessage = { error: error.message };
    }
    let hops = null;
    try {
      hops = await hopBreakdown({
        ns,
        bodyPrefix,
        since: sendStart - 1000,
        sent: sent.sent,
        repliesByIndex: byIndex,
      });
    } catch (error) {
      hops = { error: error.message };
    }
    // Our services' CPU for this step minus what they burn idle, per answered message (the emulator
    // stands in for Twilio and is not ours).
    const ours = Object.entries(cpuSeconds).filter(([name]) => name !== 'twilio-emulator');
    const busyCoreS = ours.reduce(
      (a, [name, used]) => a + used - (footprint.idleCpuCores?.[name] ?? 0) * stepS,
      0,
    );
    const step = {
      offeredRate: rate,
      durationS,
      sent: sent.total,
      webhooksAccepted: sent.ok,
      webhooksFailed: sent.failed,
      webhookStatuses: sent.statuses,
      answered: latencies.length,
      missing,
      // Unanswered when we stopped waiting although replies were still coming (a backlog): late, not known lost.
      stillArrivingAtCutoff: stillArriving,
      duplicates,
      wrongRecipient,
      p50Ms: quantile(latencies, 0.5),
      p95Ms: quantile(latencies, 0.95),
      p99Ms: quantile(latencies, 0.99),
      maxMs: latencies[latencies.length - 1] ?? null,
      drainS: round(drainS, 1),
      hops,
      // Round trips per answered message: events handled/published, requests answered, table accesses.
      workPerMessage,
      workTotals: workPerMessage && !workPerMessage.error ? workTotals(workPerMessage) : null,
      rssPeakMiB: peak,
      cpuCores,
      // Per service, step minus idle, per answered message (ms).
      cpuMsPerMessageByService: Object.fromEntries(
        Object.entries(cpuSeconds).map(([name, used]) => [
          name,
          latencies.length
            ? round(((used - (footprint.idleCpuCores?.[name] ?? 0) * stepS) * 1000) / latencies.length, 1)
            : null,
        ]),
      ),
      cpuMsPerMessage: latencies.length ? round((busyCoreS * 1000) / latencies.length, 1) : null,
      monotonicWindowUs: [monoStartUs, monoEndUs],
      deadServices: stack.dead(),
    };
    step.held =
      step.missing === 0 &&
      step.duplicates === 0 &&
      step.wrongRecipient === 0 &&
      step.webhooksFailed === 0 &&
      step.p99Ms !== null &&
      step.p99Ms < 1000;
    log(
      `e2e ${rate}/s: answered ${step.answered}/${step.sent}, missing ${missing}, dup ${duplicates}, p50 ${step.p50Ms} p95 ${step.p95Ms} p99 ${step.p99Ms} ms, CPU ${step.cpuMsPerMessage} ms/message${step.held ? '' : ' (not held)'}`,
    );
    steps.push(step);
    return step;
  };

  // The fixed rates, then (full run) higher ones while they hold, or one rate between the last
  // held and the first not held. Past saturation the backlog only grows, so stop there.
  let lastHeld = null;
  let firstNotHeld = null;
  for (const rate of [...rates, ...(extraRates ?? [])]) {
    const step = await results(rate);
    if (step.deadServices.length || step.stillArrivingAtCutoff) break;
    if (step.held) lastHeld = rate;
    else {
      firstNotHeld = rate;
      break;
    }
  }
  const backlog = steps.some((st) => st.stillArrivingAtCutoff);
  if (bisect && !backlog && lastHeld !== null && firstNotHeld !== null && stack.dead().length === 0) {
    const mid = Math.round((lastHeld + firstNotHeld) / 2 / 25) * 25;
    if (mid > lastHeld && mid < firstNotHeld) await results(mid);
  }
  const held = steps.filter((s) => s.held).map((s) => s.offeredRate);
  const notRun = rates.filter((r) => !steps.some((st) => st.offeredRate === r));
  return {
    steps,
    notRun,
    highestHeldRate: held.length ? Math.max(...held) : null,
  };
}
