// A broadcast routine killed mid-run: workflow (which runs it) is SIGKILLed while sends are in
// flight, and outbound (which calls Twilio) too; after the restarts the run resumes and every
// opted-in member gets exactly one Twilio message, the others none.
//
// Size: FAULTS_BROADCAST_MEMBERS (default 300; the full run uses 1,000), FAULTS_SEED.
import { randomPhone } from './harness/clients';
import { Chaos } from './harness/chaos';
import { FaultEnvironment } from './harness/environment';
import type { JetStreamProbe } from './harness/observe';
import { Random, envInt, seedFromEnv, sleep, waitUntil, log } from './harness/util';
import { examples, stuckConsumers, table, writeReport } from './harness/verdict';

const MEMBERS = envInt('FAULTS_BROADCAST_MEMBERS', 300);
const SEED = seedFromEnv();
const CONTENT_SID = 'HX0000000000000000000000000000fa17';

jest.setTimeout(30 * 60_000);

let world: FaultEnvironment;
let probe: JetStreamProbe;

beforeAll(async () => {
  log(`broadcast under faults: ${MEMBERS} members, seed ${SEED}`);
  world = await FaultEnvironment.start('broadcast');
  probe = await world.jetstream();
});

afterAll(async () => {
  await world?.stop();
});

interface Progress {
  state: string;
  runId: string | null;
  matched: number;
  sent: number;
  skipped: number;
  /** Accepted by outbound, not yet reported handed to Twilio. */
  accepted?: number;
  failed: number;
}

it('a broadcast killed mid-run (workflow and outbound SIGKILLed) reaches each opted-in member exactly once', async () => {
  const random = new Random(SEED);
  const t0 = Date.now();
  const { api, emulator, stack } = world;
  const chaos = new Chaos(stack, world.nats, world.pg, random, log);

  const ws = await api.workspace('Faults broadcast');
  const number = await api.phoneNumber(ws.id, { brandName: 'Faults' });
  // Members: three in four opted in to WhatsApp; every tenth one is not matched by the filter.
  const members: Array<{ id: string; phone: string; optedIn: boolean; matched: boolean }> = [];
  const phones = new Set<string>();
  while (phones.size < MEMBERS) phones.add(randomPhone());
  const list = [...phones];
  for (let i = 0; i < list.length; i += 10) {
    const created = await Promise.all(
      list.slice(i, i + 10).map(async (phone, j) => {
        const index = i + j;
        const optedIn = index % 4 !== 0;
        const matched = index % 10 !== 9;
        const member = await api.ok<{ id: string }>('POST', '/v1/members', ws.key, {
          firstName: matched ? `Bee${index}` : `Other${index}`,
          lastName: 'Faults',
          phone,
          notifyWhatsapp: optedIn,
        });
        return { id: member.id, phone, optedIn, matched };
      }),
    );
    members.push(...created);
  }
  const expected = members.filter((m) => m.matched && m.optedIn);
  const routine = await api.ok<{ id: string }>('POST', '/v1/routines', ws.key, {
    name: 'Launch',
    memberFilter: 'member.first_name.startsWith("Bee")',
    action: {
      type: 'send_whatsapp',
      phoneNumberId: number.id,
      contentSid: CONTENT_SID,
      contentVariables: { '1': 'launch' },
    },
  });
  log(`${members.length} members, ${expected.length} matched and opted in; running the routine`);

  const sentSoFar = async () => (await emulator.messages({ from: number.number })).length;
  const started = await api.ok<{ progress: Progress }>('POST', `/v1/routines/${routine.id}/run`, ws.key);
  const killWorkflowAt = Math.floor(expected.length * (0.2 + random.next() * 0.2));
  const killOutboundAt = Math.floor(expected.length * (0.5 + random.next() * 0.2));
  await waitUntil(
    async () => (await sentSoFar()) >= killWorkflowAt,
    120_000,
    `${killWorkflowAt} sends before killing workflow`,
    50,
  );
  const atWorkflowKill = await sentSoFar();
  await chaos.fire('workflow');
  const afterWorkflowRestart = await sentSoFar();
  let atOutboundKill: number | null = null;
  if (afterWorkflowRestart < killOutboundAt) {
    await waitUntil(
      async () => (await sentSoFar()) >= killOutboundAt,
      120_000,
      `${killOutboundAt} sends before killing outbound`,
      50,
    );
    atOutboundKill = await sentSoFar();
    await chaos.fire('outbound');
  }

  const done = await waitUntil(
    async () => {
      const r = await api.call<{ progress: Progress }>('GET', `/v1/routines/${routine.id}`, ws.key);
      // Done dispatching, and every send outbound accepted reported handed to Twilio (a result
      // reads `sent` only then), or failed.
      const p = r.body.progress;
      return r.status === 200 && p.state === 'done' && !p.accepted ? p : null;
    },
    180_000,
    'the resumed broadcast to finish and its sends to settle',
    500,
  );
  // Sends still settling (status callbacks) and any late duplicate.
  await waitUntil(
    async () => stuckConsumers(await probe.lag()).length === 0,
    60_000,
    'consumer lag to reach zero',
  ).catch(() => undefined);
  await sleep(3000);

  const messages = await emulator.messages({ from: number.number });
  const perPhone = new Map<string, number>();
  for (const m of messages) {
    const phone = m.to.replace(/^whatsapp:/, '');
    perPhone.set(phone, (perPhone.get(phone) ?? 0) + 1);
  }
  const missing = expected.filter((m) => !perPhone.get(m.phone)).map((m) => m.phone);
  const doubled = [...perPhone.entries()].filter(([, n]) => n > 1).map(([phone, n]) => `${phone} x${n}`);
  const unwanted = members
    .filter((m) => !(m.matched && m.optedIn) && perPhone.get(m.phone))
    .map((m) => m.phone);
  const stuck = stuckConsumers(await probe.lag());
  const deadLetters = await probe.deadLetters();

  const report = {
    scenario: 'broadcast',
    seed: SEED,
    startedAt: new Date(t0).toISOString(),
    durationMs: Date.now() - t0,
    members: members.length,
    expectedRecipients: expected.length,
    twilioMessages: messages.length,
    killedWorkflowAfterSends: atWorkflowKill,
    killedOutboundAfterSends: atOutboundKill,
    kills: chaos.kills,
    sameRunResumed: done.runId === started.progress.runId,
    progress: done,
    lost: missing.length,
    doubled: doubled.length,
    sentToWrongMembers: unwanted.length,
    stuckConsumers: stuck,
    deadLetters: deadLetters.length,
    unexpectedExits: stack.unexpectedExits,
    faults: chaos.faults,
    examples: examples({ missing, doubled, unwanted, deadLetters }),
    logs: world.logDir,
  };
  const file = writeReport(report);
  log(
    `report (${file}):\n${table([
      ['members / expected recipients', `${members.length} / ${expected.length}`],
      ['Twilio messages', messages.length],
      ['workflow killed after / outbound killed after', `${atWorkflowKill} / ${atOutboundKill ?? '-'} sends`],
      ['progress', done],
      ['lost', missing.length],
      ['doubled', doubled.length],
      ['sent to members not matched or opted out', unwanted.length],
      ['stuck consumers / dead letters', `${stuck.length} / ${deadLetters.length}`],
      ['duration', `${report.durationMs} ms`],
    ])}`,
  );

  expect(chaos.faults.filter((f) => f.error)).toEqual([]);
  expect(chaos.kills).toBeGreaterThanOrEqual(1);
  expect(atWorkflowKill).toBeLessThan(expected.length); // really killed mid-run
  expect(report.sameRunResumed).toBe(true);
  expect(report.examples.missing).toEqual([]);
  expect(report.examples.doubled).toEqual([]);
  expect(report.examples.unwanted).toEqual([]);
  expect(done).toMatchObject({
    matched: members.filter((m) => m.matched).length,
    sent: expected.length,
    skipped: members.filter((m) => m.matched && !m.optedIn).length,
    failed: 0,
  });
  expect(stuck).toEqual([]);
  expect(report.examples.deadLetters).toEqual([]);
  expect(stack.unexpectedExits).toEqual([]);
});
