// Scale out without losing order: a 3-node NATS cluster (streams with 3 replicas), three replicas of
// every consumer service, conversations streaming in while each service is rolled one replica at a
// time (SIGTERM, as Kubernetes does), random replicas are SIGKILLed and one NATS node is killed and
// restarted. Then: nothing lost, doubled or out of order at any hop, and, from the handlers' own
// record (MESSAGING_HANDLING_LOG), no conversation ever handled on two replicas at once.
//
// `npm run test:faults:scale`. Size: FAULTS_SCALE_MESSAGES (default 300; full form 5000),
// FAULTS_SCALE_CONVERSATIONS (messages / 5, 20-600), FAULTS_SCALE_RATE, FAULTS_SCALE_REPLICAS
// (default 3; 1 for the CPU comparison), FAULTS_SEED.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { drainReplies, echoConversations } from './harness/echo-scenario';
import { orderByHop } from './harness/hops';
import { FaultEnvironment } from './harness/environment';
import type { PrivateNats } from './harness/infra';
import type { Database, JetStreamProbe } from './harness/observe';
import type { ServiceName, ServiceProcess } from './harness/stack';
import { Traffic } from './harness/traffic';
import { Random, envInt, seedFromEnv, sleep } from './harness/util';
import {
  abandonedReaders,
  judgeConversations,
  RESULTS_DIR,
  stuckConsumers,
  table,
  writeReport,
} from './harness/verdict';

const MESSAGES = envInt('FAULTS_SCALE_MESSAGES', 300);
const CONVERSATIONS = envInt(
  'FAULTS_SCALE_CONVERSATIONS',
  Math.max(20, Math.min(600, Math.round(MESSAGES / 5))),
);
const RATE = envInt('FAULTS_SCALE_RATE', Math.max(3, Math.min(40, Math.round(MESSAGES / 90))));
const REPLICAS = envInt('FAULTS_SCALE_REPLICAS', 3);
const KILLS = envInt('FAULTS_SCALE_KILLS', 3 + Math.floor(MESSAGES / 1000));
const DRAIN_MS = envInt('FAULTS_DRAIN_MS', 180_000);
/** How long a restarted replica may take to be ready: minutes on a shared 2-core machine under load. */
const READY_MS = envInt('FAULTS_READY_MS', 300_000);
const SEED = seedFromEnv();
/** The services that consume events, each run as REPLICAS processes. */
const SCALED: ServiceName[] = ['routing', 'chats', 'workflow', 'outbound', 'api'];
/** Every service appends its ordered handlings here (in the run's log directory). */
const HANDLING_LOG = join(RESULTS_DIR, 'logs', 'scale', 'handling.jsonl');

jest.setTimeout(60 * 60_000);

const log = (line: string) =>
  process.stdout.write(`[scale ${new Date().toISOString().slice(11, 23)}] ${line}\n`);

type Fault =
  { kind: 'roll'; service: ServiceName } | { kind: 'kill'; service: ServiceName } | { kind: 'nats' };

interface Handling {
  replica: string;
  consumer: string;
  key: string;
  seq: number;
  start: number;
  end: number;
}

/** Pairs of handlings of one conversation by one consumer on two replicas whose times overlap. */
function overlaps(handlings: Handling[]): string[] {
  const byKey = new Map<string, Handling[]>();
  for (const h of handlings) {
    const k = `${h.consumer}|${h.key}`;
    byKey.set(k, [...(byKey.get(k) ?? []), h]);
  }
  const out: string[] = [];
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.start - b.start);
    let last: Handling | undefined;
    for (const h of list) {
      if (last && h.replica !== last.replica && h.start < last.end)
        out.push(`${key}: #${last.seq} on ${last.replica} and #${h.seq} on ${h.replica}`);
      if (!last || h.end > last.end) last = h;
    }
  }
  return out;
}

/** CPU seconds (user + system) of a process so far, from /proc; 0 once it is gone. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

let world: FaultEnvironment;
let probe: JetStreamProbe;
let db: Database;
const replicas = new Map<ServiceName, ServiceProcess[]>();
let watchdog: NodeJS.Timeout | undefined;
let cpuTimer: NodeJS.Timeout | undefined;

beforeAll(async () => {
  log(
    `scale under faults: ${MESSAGES} messages, ${CONVERSATIONS} conversations, ${RATE}/s, ${REPLICAS} replicas, seed ${SEED}`,
  );
  world = await FaultEnvironment.start(
    'scale',
    { NATS_STREAM_REPLICAS: '3', MESSAGING_HANDLING_LOG: HANDLING_LOG },
    { natsNodes: 3 },
  );
  probe = await world.jetstream();
  db = world.database();
  for (const name of SCALED) {
    const list = [world.stack.services[name]];
    for (let i = 1; i < REPLICAS; i++) list.push(await world.stack.addReplica(name, i));
    replicas.set(name, list);
  }
});

afterAll(async () => {
  clearInterval(watchdog);
  clearInterval(cpuTimer);
  for (const list of replicas.values()) for (const r of list.slice(1)) await r.stop();
  await probe?.close();
  await db?.close();
  await world?.stop();
});

it('keeps every conversation on one replica at a time, in order, through rolls, kills and a NATS node restart', async () => {
  const random = new Random(SEED);
  const startedAt = new Date();
  const t0 = Date.now();
  const { api, emulator, stack } = world;
  const handlingLog = HANDLING_LOG;

  const { ws, conversations } = await echoConversations(api, 'Scale clinic', CONVERSATIONS);
  const tag = `s${SEED.toString(36)}`;
  const traffic = new Traffic({
    emulator,
    conversations,
    total: MESSAGES,
    rate: RATE,
    tag,
    random: new Random(SEED + 1),
    giveUpMs: 180_000,
  });

  // CPU of every service process (all replicas), sampled: a killed process keeps its last sample.
  const cpuByPid = new Map<number, { service: string; seconds: number }>();
  const allProcesses = () => [
    ...[...replicas.values()].flat(),
    ...(['preferences', 'ingress'] as const).map((n) => stack.services[n]),
  ];
  const sampleCpu = () => {
    for (const p of allProcesses())
      if (p.pid) cpuByPid.set(p.pid, { service: p.name, seconds: cpuSeconds(p.pid) });
  };
  sampleCpu();
  const cpuAtStart = new Map([...cpuByPid].map(([pid, v]) => [pid, v.seconds]));
  cpuTimer = setInterval(sampleCpu, 1000);

  const revived: string[] = [];
  watchdog = setInterval(() => {
    for (const p of allProcesses())
      if (p.diedOnItsOwn && !p.running) {
        p.start();
        revived.push(p.name);
        log(`watchdog: a ${p.name} replica had exited on its own; started again`);
      }
  }, 1000);

  // The fault plan: every scaled service rolled once, KILLS random replicas SIGKILLed, one NATS node.
  const plan: Fault[] = random.shuffle([
    ...SCALED.map((service): Fault => ({ kind: 'roll', service })),
    ...Array.from({ length: KILLS }, (): Fault => ({ kind: 'kill', service: random.pick(SCALED) })),
    { kind: 'nats' },
  ]);
  log(`fault plan: ${plan.map((f) => (f.kind === 'nats' ? 'nats' : `${f.kind} ${f.service}`)).join(', ')}`);
  const done: Array<Fault & { at: number; ms: number; error?: string }> = [];
  const killedPids = new Set<number>();
  const fire = async (fault: Fault) => {
    const at = Date.now() - t0;
    const started = Date.now();
    try {
      if (fault.kind === 'roll') {
        // As a Deployment rolls: one replica at a time, each back and ready before the next.
        for (const r of replicas.get(fault.service)!) {
          await r.stop();
          r.start();
          await r.ready(READY_MS);
        }
      } else if (fault.kind === 'kill') {
        const r = random.pick(replicas.get(fault.service)!);
        if (r.pid) killedPids.add(r.pid);
        await r.kill();
        await sleep(1000 + random.next() * 2000);
        r.start();
        await r.ready(READY_MS);
      } else {
        const node: PrivateNats = random.pick(world.natsNodes);
        await node.crashAndRestart(3000);
        await stack.allReady(READY_MS);
      }
      done.push({ ...fault, at, ms: Date.now() - started });
    } catch (error) {
      done.push({ ...fault, at, ms: Date.now() - started, error: String(error) });
    }
    log(
      `fault ${done.length}/${plan.length}: ${fault.kind} ${'service' in fault ? fault.service : ''} in ${Date.now() - started} ms`,
    );
  };

  let trafficDone = false;
  const trafficRun = traffic.run().then(() => {
    trafficDone = true;
  });
  const progressTimer = setInterval(
    () =>
      log(`progress: ${Math.round(traffic.progress * 100)}% dispatched, ${traffic.acceptedCount} accepted`),
    15_000,
  );
  try {
    for (let i = 0; i < plan.length; i++) {
      const due = Math.min(0.95, (i + 0.3 + random.next() * 0.5) / plan.length);
      while (traffic.progress < due && !trafficDone) await sleep(100);
      await fire(plan[i]);
    }
    await trafficRun;
  } finally {
    clearInterval(progressTimer);
  }
  const trafficMs = Date.now() - t0;
  log(`traffic done: ${traffic.acceptedCount}/${MESSAGES} accepted; draining`);

  const accepted = traffic.messages.filter((m) => m.accepted);
  const apiPids = () => new Set(replicas.get('api')!.flatMap((r) => (r.running && r.pid ? [r.pid] : [])));
  const drainMs = await drainReplies(tag, traffic.messages, emulator, probe, DRAIN_MS, apiPids);
  clearInterval(watchdog);
  clearInterval(cpuTimer);
  sampleCpu();

  const emulated = await emulator.messages();
  const stored = await db.storedInbound(ws.id);
  const verdict = judgeConversations(tag, traffic.messages, emulated, stored);
  const lag = await probe.lag();
  const abandoned = abandonedReaders(lag, apiPids());
  const stuck = stuckConsumers(lag, apiPids());
  // A reader is left behind only by a replica that could not delete it (SIGKILLed) or by a reset.
  const leakedReaders = abandoned.filter((c) => !c.superseded && !killedPids.has(c.pid));
  const deadLetters = await probe.deadLetters();
  const turns = await db.turns(ws.id);
  const unanswered = accepted.filter((m) => turns.get(m.sid) !== 'answered').map((m) => m.sid);
  const hops = await orderByHop(tag, traffic.messages, emulated, probe, db, ws.id);
  const handlings: Handling[] = existsSync(handlingLog)
    ? readFileSync(handlingLog, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Handling)
    : [];
  const twoAtOnce = overlaps(handlings);
  const cpuByService: Record<string, number> = {};
  for (const [pid, v] of cpuByPid)
    cpuByService[v.service] = (cpuByService[v.service] ?? 0) + v.seconds - (cpuAtStart.get(pid) ?? 0);
  const cpuTotal = Object.values(cpuByService).reduce((a, b) => a + b, 0);

  const report = {
    scenario: 'scale',
    seed: SEED,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - t0,
    trafficMs,
    drainMs,
    replicas: REPLICAS,
    natsNodes: world.natsNodes.length,
    messagesSent: verdict.sent,
    conversations: CONVERSATIONS,
    accepted: verdict.accepted,
    neverAccepted: verdict.unaccepted,
    replies: verdict.replies,
    lost: verdict.lostReplies.length + verdict.lostStored.length,
    doubled: verdict.doubledReplies.length + verdict.doubledStored.length,
    outOfOrder: verdict.outOfOrder.length,
    outOfOrderAtHops: hops.reduce((sum, h) => sum + h.inversions, 0),
    duplicateTwilioSends: verdict.duplicateTwilioSends.length,
    handlings: handlings.length,
    handledOnTwoReplicasAtOnce: twoAtOnce.length,
    turnsNotAnswered: unanswered.length,
    stuckConsumers: stuck,
    abandonedReaders: abandoned.map((c) => `${c.consumer} (${c.pending} pending)`),
    leakedReaders: leakedReaders.map((c) => c.consumer),
    deadLetters: deadLetters.length,
    unexpectedExits: stack.unexpectedExits,
    faults: done,
    cpuSecondsByService: cpuByService,
    cpuMsPerMessage: verdict.accepted ? Math.round((cpuTotal * 1000) / verdict.accepted) : null,
    orderByHop: hops,
    examples: {
      lostReplies: verdict.lostReplies.slice(0, 10),
      lostStored: verdict.lostStored.slice(0, 10),
      doubledReplies: verdict.doubledReplies.slice(0, 10),
      doubledStored: verdict.doubledStored.slice(0, 10),
      outOfOrder: verdict.outOfOrder.slice(0, 10),
      twoAtOnce: twoAtOnce.slice(0, 10),
      turnsNotAnswered: unanswered.slice(0, 10),
      deadLetters: deadLetters.slice(0, 10),
    },
    logs: world.logDir,
  };
  const file = writeReport(report);
  log(
    `report (${file}):\n${table([
      ['messages sent / accepted', `${report.messagesSent} / ${report.accepted}`],
      ['replicas per consumer service / NATS nodes', `${REPLICAS} / ${report.natsNodes}`],
      [
        'faults',
        done
          .map((f) => `${f.kind}${'service' in f ? ` ${f.service}` : ''}${f.error ? ' (FAILED)' : ''}`)
          .join(', '),
      ],
      ['lost', report.lost],
      ['doubled', report.doubled],
      ['out of order (replies / at hops)', `${report.outOfOrder} / ${report.outOfOrderAtHops}`],
      ['handled on two replicas at once', `${twoAtOnce.length} of ${handlings.length} handlings`],
      ['Twilio sends twice', report.duplicateTwilioSends],
      ['stuck consumers', stuck.length],
      [
        'live-feed readers of gone replicas (SIGKILLed / left by a roll)',
        `${abandoned.length} / ${leakedReaders.length}`,
      ],
      ['dead letters', report.deadLetters],
      ['unexpected exits', stack.unexpectedExits.length],
      ['CPU per accepted message (all services)', `${report.cpuMsPerMessage} ms`],
      ['duration (traffic / drain / total)', `${trafficMs} / ${drainMs} / ${report.durationMs} ms`],
    ])}\n  order by hop (inversions / messages seen):\n${table(hops.map((h) => [h.hop, `${h.inversions} / ${h.seen} ${h.examples.join('; ')}`]))}`,
  );

  expect(done.filter((f) => f.error)).toEqual([]);
  expect(done).toHaveLength(plan.length);
  expect(stack.unexpectedExits).toEqual([]);
  expect(verdict.unaccepted).toBe(0);
  expect(report.examples.lostStored).toEqual([]);
  expect(report.examples.lostReplies).toEqual([]);
  expect(report.examples.doubledStored).toEqual([]);
  expect(report.examples.doubledReplies).toEqual([]);
  expect(report.examples.outOfOrder).toEqual([]);
  expect(hops.filter((h) => h.inversions > 0)).toEqual([]);
  expect(handlings.length).toBeGreaterThan(0);
  expect(report.examples.twoAtOnce).toEqual([]);
  expect(report.examples.turnsNotAnswered).toEqual([]);
  expect(stuck).toEqual([]);
  expect(leakedReaders).toEqual([]);
  expect(report.examples.deadLetters).toEqual([]);
});
