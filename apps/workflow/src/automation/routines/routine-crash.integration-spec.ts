import { spawn, type ChildProcess } from 'node:child_process';
import { AppError, CreateRoutine, GetRoutine, RunRoutine, type Member } from '@app/contracts';
import { builtMain, NatsTestClient, serviceEnv, uniqueNamespace, waitFor } from '@app/testing';
import { FakeNeighbours } from '../testing/fake-neighbours';

jest.setTimeout(150_000);

const namespace = uniqueNamespace();
let nats: NatsTestClient;
let fakes: FakeNeighbours;
const children: ChildProcess[] = [];

/** The built workflow service as its own process, as it runs in production. */
function spawnWorkflow(): ChildProcess {
  const env = {
    ...process.env,
    ...serviceEnv(namespace, 'workflow'),
    LOG_LEVEL: 'error',
  } as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [builtMain('workflow')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

beforeAll(async () => {
  nats = await NatsTestClient.connect(namespace);
  fakes = FakeNeighbours.start(nats);
});
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
  }
  await nats?.close();
});

it('a broadcast to 1,000 members killed mid-run (SIGKILL) and restarted sends once to each opted-in member', async () => {
  const ws = fakes.workspace(['whatsapp']);
  const number = fakes.number(ws.id);
  const members: Member[] = [];
  for (let i = 0; i < 1000; i++)
    members.push(fakes.member(ws.id, { firstName: `M${i}`, notifyWhatsapp: i % 4 !== 0 }));
  const optedIn = members.filter((m) => m.notifyWhatsapp);

  const first = spawnWorkflow();
  // Ready once it answers requests (a routine of another workspace is simply not found).
  await waitFor(
    async () => {
      try {
        await nats.request(GetRoutine, { workspaceId: ws.id, routineId: crypto.randomUUID() }, 1000);
      } catch (error) {
        return error instanceof AppError && error.code === 'not_found';
      }
      return false;
    },
    { timeoutMs: 30_000, message: 'the workflow service to start' },
  );

  const routine = await nats.request(CreateRoutine, {
    workspaceId: ws.id,
    name: 'Launch',
    memberFilter: 'member.first_name.startsWith("M")',
    action: { type: 'send_whatsapp', phoneNumberId: number.id, template: 'Hello {{member.first_name}}' },
  });
  // Kill it hard while sends are in flight: some reached outbound but their answers never return.
  fakes.sendDelayMs = 3;
  fakes.onSend = (count) => {
    if (count === 450) first.kill('SIGKILL');
  };
  const started = await nats.request(RunRoutine, { workspaceId: ws.id, routineId: routine.id });
  await exited(first);
  fakes.onSend = undefined;

  const interrupted = await nats
    .request(GetRoutine, { workspaceId: ws.id, routineId: routine.id }, 1000)
    .catch(() => null);
  expect(interrupted).toBeNull(); // nobody is answering: the service is really gone
  const before = fakes.sendsIn(ws.id).length;
  expect(before).toBeGreaterThanOrEqual(450);
  expect(before).toBeLessThan(1000);

  spawnWorkflow();
  const done = await waitFor(
    async () => {
      const r = await nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id }, 1000);
      // Done, and every send reported handed to Twilio (the fake reports each just after accepting it).
      return r.progress.state === 'done' && r.progress.accepted === 0 ? r : null;
    },
    { timeoutMs: 90_000, message: 'the resumed run to finish' },
  );

  expect(done.progress.runId).toBe(started.progress.runId);
  expect(done.progress).toMatchObject({
    matched: 1000,
    sent: optedIn.length,
    skipped: 1000 - optedIn.length,
    failed: 0,
  });
  const keys = fakes.sendsIn(ws.id);
  expect(keys).toHaveLength(1000); // one idempotency key per matched member
  // The send in flight at the kill was asked again after the restart, under the same key.
  expect(fakes.sendRequests.filter((r) => r.workspaceId === ws.id).length).toBeGreaterThan(1000);
  const twilio = [...fakes.twilioSends.entries()].filter(([key]) => key.startsWith(`${ws.id}:`));
  expect(twilio).toHaveLength(optedIn.length); // one Twilio-level send per opted-in member...
  expect(twilio.every(([, n]) => n === 1)).toBe(true); // ...and never two
  const perMember = new Map<string, number>();
  for (const { request, result } of keys)
    if (result.status === 'pending')
      perMember.set(request.memberId!, (perMember.get(request.memberId!) ?? 0) + 1);
  expect([...perMember.keys()].sort()).toEqual(optedIn.map((m) => m.id).sort());
});
