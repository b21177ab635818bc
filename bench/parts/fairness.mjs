// Part: fairness. Another workspace's replies (webhook -> reply at the emulator, as in e2e) measured
// unloaded, then while a workspace broadcasts an SMS to every member (10,000 in the full run) from a
// number allowed 1/s: the routine hands its sends to outbound at that rate (10 s of sends ahead)
// and they wait for their slots in outbound's bulk lane, so the other workspace's p99 should stay
// within 20 % of its unloaded p99.
import { benchE2E } from './e2e.mjs';
import { log, round, sleep } from '../lib/common.mjs';

const RATE = 10;

export async function benchFairness({ quick, ns, system, members, footprint }) {
  const durationS = quick ? 6 : 20;
  const other = await system.workspace(`Bench B ${ns}`);
  const otherNumber = await other.numberFor(10_000);
  const replies = (firstStep) =>
    benchE2E({
      quick,
      ns,
      system,
      number: otherNumber,
      rates: [RATE],
      extraRates: [],
      bisect: false,
      durationS,
      footprint,
      firstStep,
    }).then((r) => r.steps[0]);

  // Steps 8 and 9 (phones +15558…, +15559…: members of this other workspace only; 7 digits keep
  // them valid numbers). Their bodies (s8, s9) may share the e2e part's last steps' in the hop read-back.
  const unloaded = await replies(7);
  log(`fairness: unloaded, another workspace's reply p99 ${unloaded.p99Ms} ms`);

  // The broadcaster: the system's workspace, every member, SMS at 1/s.
  const { call, key } = system;
  const number = await system.numberFor(1);
  const routine = await call('POST', '/v1/routines', key, {
    name: 'Bench fairness broadcast',
    memberFilter: 'member.notify_sms',
    action: { type: 'send_sms', phoneNumberId: number.id, template: 'Hello {{member.first_name}}' },
  });
  const t0 = Date.now();
  await call('POST', `/v1/routines/${routine.id}/run`, key);
  // Measured while the routine hands its sends to outbound at the number's rate.
  await sleep(3_000);
  const loaded = await replies(8);
  const progress = (await call('GET', `/v1/routines/${routine.id}`, key)).progress;
  // The run goes on for hours at 1/s: cancel it so the rest of the bench (and cleanup) is not in its way.
  await call('POST', `/v1/routines/${routine.id}/cancel`, key).catch((error) =>
    log(`fairness: could not cancel the broadcast: ${error.message}`),
  );
  const ratio = unloaded.p99Ms > 0 ? loaded.p99Ms / unloaded.p99Ms : null;
  log(
    `fairness: during a ${members}-member broadcast at 1/s, another workspace's reply p99 ${loaded.p99Ms} ms vs ${unloaded.p99Ms} ms unloaded (${round(ratio, 2)}x)`,
  );
  return {
    broadcastMembers: members,
    broadcastRatePerSecond: 1,
    replyRate: RATE,
    durationS,
    unloaded: pick(unloaded),
    duringBroadcast: pick(loaded),
    p99Ratio: round(ratio, 2),
    broadcastProgressAtEnd: progress,
    broadcastRunningS: round((Date.now() - t0) / 1000, 1),
  };
}

const pick = (s) => ({
  p50Ms: s.p50Ms,
  p99Ms: s.p99Ms,
  answered: s.answered,
  missing: s.missing,
  duplicates: s.duplicates,
  held: s.held,
});
