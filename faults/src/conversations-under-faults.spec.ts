// Nothing lost and nothing doubled while services crash, restart and redeliver.
//
// A steady stream of inbound messages over many conversations goes through the whole system
// (separate processes, private NATS and Postgres, the Twilio emulator) while services are SIGKILLed
// and restarted at random, and NATS and Postgres crash once each. Then, from the emulator's record
// and the database: every accepted message stored once and answered exactly once, replies in order
// within a conversation, no consumer lag, no dead letters, no Twilio message sent twice.
//
// Size: FAULTS_MESSAGES (default 300 over ~60 conversations: the CI version), FAULTS_CONVERSATIONS,
// FAULTS_RATE (messages/s), FAULTS_EXTRA_KILLS, FAULTS_SEED (replays a run's fault order and timing).
import { join } from 'node:path';
import { drainReplies, echoTraffic } from './harness/echo-scenario';
import { Chaos, faultPlan } from './harness/chaos';
import { orderByHop } from './harness/hops';
import { FaultEnvironment } from './harness/environment';
import { SERVICE_NAMES } from './harness/stack';
import { Random, envInt, seedFromEnv, log } from './harness/util';
import {
  examples,
  judgeConversations,
  noExamples,
  reportHeader,
  RESULTS_DIR,
  stuckConsumers,
  table,
  writeReport,
} from './harness/verdict';

const MESSAGES = envInt('FAULTS_MESSAGES', 300);
const CONVERSATIONS = envInt('FAULTS_CONVERSATIONS', Math.max(20, Math.min(600, Math.round(MESSAGES / 5))));
// Long enough for every fault to land while messages still flow (a fault takes ~5-10 s to recover).
const RATE = envInt('FAULTS_RATE', Math.max(4, Math.min(40, Math.round(MESSAGES / 70))));
const EXTRA_KILLS =
  process.env.FAULTS_EXTRA_KILLS !== undefined
    ? Number(process.env.FAULTS_EXTRA_KILLS)
    : Math.floor(MESSAGES / 1000);
const DRAIN_MS = envInt('FAULTS_DRAIN_MS', 150_000);
const SEED = seedFromEnv();

jest.setTimeout(60 * 60_000);

let world: FaultEnvironment;
let watchdog: NodeJS.Timeout | undefined;

beforeAll(async () => {
  log(
    `conversations under faults: ${MESSAGES} messages, ${CONVERSATIONS} conversations, ${RATE}/s, seed ${SEED}`,
  );
  // Every ordered handling, per replica: where order broke, which process handled what and when.
  world = await FaultEnvironment.start('conversations', {
    MESSAGING_HANDLING_LOG: join(RESULTS_DIR, 'logs', 'conversations', 'handling.jsonl'),
  });
});

afterAll(async () => {
  clearInterval(watchdog);
  await world?.stop();
});

it('loses nothing and doubles nothing while services, NATS and Postgres crash and restart', async () => {
  const random = new Random(SEED);
  const startedAt = new Date();
  const t0 = startedAt.getTime();
  const { emulator, stack } = world;
  const probe = await world.jetstream();
  const db = world.database();

  // A workspace whose numbers answer every message with a reply quoting it, on SMS and WhatsApp.
  const size = { conversations: CONVERSATIONS, total: MESSAGES, rate: RATE };
  const { ws, conversations, tag, traffic } = await echoTraffic(world, 'Faults clinic', size, SEED, 'f');
  const chaos = new Chaos(stack, world.nats, world.pg, random, log);
  const plan = faultPlan(random, EXTRA_KILLS);
  log(`fault plan: ${plan.join(', ')}`);

  // Anything that dies on its own is recorded (a finding) and started again, as an orchestrator would.
  const revived: string[] = [];
  watchdog = setInterval(() => {
    void stack.reviveCrashed().then((names) => {
      for (const name of names) {
        revived.push(name);
        log(`watchdog: ${name} had exited on its own; started again`);
      }
    });
  }, 1000);

  await traffic.runWhile((trafficDone) => chaos.run(plan, () => traffic.progress, trafficDone), log, 10_000);
  const trafficMs = Date.now() - t0;
  log(
    `traffic done: ${traffic.acceptedCount}/${MESSAGES} accepted after ${traffic.retries} retries; draining`,
  );

  // Drain: every accepted message answered (redeliveries after a crash wait out the ack wait,
  // and a send claimed by a killed outbound is reconciled after SEND_CLAIM_STALE_MS).
  const accepted = traffic.messages.filter((m) => m.accepted);
  // The api is SIGKILLed too: its live-feed readers stay behind until the server drops them.
  const liveApiPids = () => {
    const { api } = stack.pids();
    return new Set(api ? [api] : []);
  };
  const drainMs = await drainReplies(tag, traffic.messages, emulator, probe, DRAIN_MS, liveApiPids);
  clearInterval(watchdog);

  const emulated = await emulator.messages();
  const stored = await db.storedInbound(ws.id);
  const verdict = judgeConversations(tag, traffic.messages, emulated, stored);
  const lag = await probe.lag();
  const stuck = stuckConsumers(lag, liveApiPids());
  const deadLetters = await probe.deadLetters();
  const turns = await db.turns(ws.id);
  const unanswered = accepted
    .filter((m) => turns.get(m.sid) !== 'answered')
    .map((m) => `${m.sid}:${turns.get(m.sid) ?? 'none'}`);

  // Why a reply is missing: what the workflow and outbound recorded for the message.
  const lostSids = accepted.filter((m) => verdict.lostReplies.some((l) => l.includes(m.sid)));
  const lostDetails = [];
  for (const m of lostSids.slice(0, 20)) {
    const turn = await db.query(
      `SELECT status, reason, lead_key FROM workflow.turns WHERE workspace_id = $1 AND turn_key = $2`,
      [ws.id, m.sid],
    );
    const sends = await db.query(
      `SELECT status, reason, error_code, channel, twilio_sid, created_at FROM outbound.sends WHERE workspace_id = $1 AND origin_ref = $2`,
      [ws.id, `turn:${m.sid}`],
    );
    lostDetails.push({
      message: `c${m.conversation}-m${m.seq}`,
      sid: m.sid,
      channel: conversations[m.conversation].channel,
      acceptedAt: new Date(m.acceptedAt ?? 0).toISOString(),
      turn,
      sends,
    });
  }

  // Where order broke, if it did: each hop's order against the order ingress accepted in.
  const hops = await orderByHop(tag, traffic.messages, emulated, probe, db, ws.id).catch((error: unknown) => [
    { hop: 'unavailable', error: String(error) },
  ]);

  const killsByService = Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, chaos.faults.filter((f) => f.target === name).length]),
  );
  const report = {
    ...reportHeader('conversations', SEED, startedAt),
    trafficMs,
    drainMs,
    messagesSent: verdict.sent,
    conversations: CONVERSATIONS,
    ratePerSecond: RATE,
    accepted: verdict.accepted,
    neverAccepted: verdict.unaccepted,
    webhookPosts: verdict.webhookPosts,
    webhookRetries: verdict.webhookNon2xx,
    kills: chaos.kills,
    killsByService,
    natsRestarts: world.nats.restarts,
    postgresRestarts: world.pg.restarts,
    restarts: chaos.kills + world.nats.restarts + world.pg.restarts,
    replies: verdict.replies,
    batchedReplies: verdict.batchedReplies,
    lost: verdict.lostReplies.length + verdict.lostStored.length,
    lostReplies: verdict.lostReplies.length,
    lostStored: verdict.lostStored.length,
    doubled: verdict.doubledReplies.length + verdict.doubledStored.length,
    outOfOrder: verdict.outOfOrder.length,
    duplicateTwilioSends: verdict.duplicateTwilioSends.length,
    turnsNotAnswered: unanswered.length,
    stuckConsumers: stuck,
    deadLetters: deadLetters.length,
    unexpectedExits: stack.unexpectedExits,
    lostDetails,
    orderByHop: hops,
    faults: chaos.faults,
    examples: examples({
      lostReplies: verdict.lostReplies,
      lostStored: verdict.lostStored,
      doubledReplies: verdict.doubledReplies,
      doubledStored: verdict.doubledStored,
      outOfOrder: verdict.outOfOrder,
      duplicateTwilioSends: verdict.duplicateTwilioSends,
      turnsNotAnswered: unanswered,
      deadLetters,
    }),
    logs: world.logDir,
  };
  const file = writeReport(report);
  log(
    `report (${file}):\n${table([
      ['messages sent', report.messagesSent],
      ['accepted (2xx)', report.accepted],
      ['webhook retries (no 2xx)', report.webhookRetries],
      ['kills (SIGKILL)', `${report.kills} ${JSON.stringify(killsByService)}`],
      ['NATS / Postgres restarts', `${report.natsRestarts} / ${report.postgresRestarts}`],
      ['replies (batched)', `${report.replies} (${report.batchedReplies})`],
      ['lost', report.lost],
      ['doubled', report.doubled],
      ['out of order', report.outOfOrder],
      ['Twilio sends twice', report.duplicateTwilioSends],
      ['stuck consumers', stuck.length],
      ['dead letters', report.deadLetters],
      ['unexpected exits', stack.unexpectedExits.length],
      ['duration (traffic / drain / total)', `${trafficMs} / ${drainMs} / ${report.durationMs} ms`],
    ])}${lostDetails.length ? `\n  lost replies: ${JSON.stringify(lostDetails)}` : ''}\n  order by hop (inversions / messages seen):\n${table(hops.map((h) => [h.hop, 'inversions' in h ? `${h.inversions} / ${h.seen} ${h.examples.join('; ')}` : h.error]))}`,
  );

  // Every planned fault happened and the system came back from each.
  expect(chaos.faults.map((f) => f.target).sort()).toEqual([...plan].sort());
  expect(chaos.faults.filter((f) => f.error)).toEqual([]);
  for (const name of ['routing', 'chats', 'workflow', 'outbound', 'ingress'] as const)
    expect(killsByService[name]).toBeGreaterThanOrEqual(1);
  expect(report.natsRestarts).toBe(1);
  expect(report.postgresRestarts).toBe(1);
  // Services reconnect to NATS and Postgres by themselves, and nothing dies on its own.
  expect(chaos.faults.flatMap((f) => f.notReconnected ?? [])).toEqual([]);
  expect(stack.unexpectedExits).toEqual([]);
  // Twilio's retries get every message in eventually.
  expect(verdict.unaccepted).toBe(0);
  // Nothing lost, nothing doubled, nothing out of order, nothing unanswered, nothing stuck, no
  // dead letters: every list of examples is empty.
  expect(report.examples).toEqual(noExamples(report.examples));
  expect(stuck).toEqual([]);
});
