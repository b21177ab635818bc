import { Controller, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { z } from 'zod';
import { bootService, type RunningService } from './bootstrap';
import { TEST_NATS_URL, testEvent, uniqueNamespace, waitFor } from '@app/testing';
import {
  MessagingModule,
  OnEvent,
  Namespace,
  encodeJson,
  runDlqCommand,
  DeadLetterQueue,
} from '@app/messaging';

// Finding 7 of #12: a message that always times out used to be retried in place for ever while
// heartbeats kept JetStream from redelivering it, blocking its conversation indefinitely.
const Job = testEvent('job', z.object({ key: z.string(), n: z.number() }));

const ns = uniqueNamespace();
const silentSubject = `${ns}.silent`;
let nc: NatsConnection;
/** While true, the handler of n=1 and n=4 asks a subject nobody answers: a real NATS TimeoutError. */
let timingOut = true;
const handled: Array<{ key: string; n: number; at: number }> = [];

@Controller()
class JobController {
  @OnEvent(Job, { orderBy: (j) => j.key })
  async handle(@Payload() job: z.infer<typeof Job.schema>) {
    if (timingOut && (job.n === 1 || job.n === 4)) await nc.request(silentSubject, 'x', { timeout: 150 });
    handled.push({ ...job, at: Date.now() });
  }
}

@Module({ controllers: [JobController] })
class JobModule {}

const start = (): Promise<RunningService> =>
  bootService({
    service: 'jobs',
    module: {
      module: JobModule,
      imports: [
        MessagingModule.forRoot({
          service: 'jobs',
          natsUrl: TEST_NATS_URL,
          namespace: ns,
          streamReplicas: 1,
          retry: { inPlaceMs: 800, releaseBaseMs: 300, releaseMaxMs: 1_000, deadLetterAfterMs: 5_000 },
        }),
      ],
    },
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
  });

const publish = (job: z.infer<typeof Job.schema>) =>
  jetstream(nc).publish(new Namespace(ns).subject(Job.subject), encodeJson(job), { msgID: `job-${job.n}` });

async function dlq(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runDlqCommand(argv, { NATS_URL: TEST_NATS_URL, NATS_NAMESPACE: ns }, (l) =>
    lines.push(l),
  );
  return { code, out: lines.join('\n') };
}

async function oldestBlockedSeconds(service: RunningService): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('messaging_oldest_blocked_seconds{') && l.includes('consumer="jobs__events_test_job"'),
    );
  return line ? Number(line.split(' ').pop()) : NaN;
}

jest.setTimeout(120_000);

describe('bounded retries and the dead-letter command', () => {
  let service: RunningService;

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
    // Listens and never answers: every request to it times out.
    nc.subscribe(silentSubject, { callback: () => undefined });
    service = await start();
  });

  afterAll(async () => {
    await service?.close();
    await nc.close();
  });

  it('dead-letters a message that always times out past its age, holding its conversation only until then', async () => {
    const published = Date.now();
    await publish({ key: 'stuck', n: 1 });
    await publish({ key: 'stuck', n: 2 });
    await publish({ key: 'free', n: 3 });

    // Other conversations are not held back; this one is, and the metric shows for how long.
    await waitFor(() => handled.some((h) => h.n === 3), { message: 'the other conversation handled' });
    await waitFor(async () => (await oldestBlockedSeconds(service)) > 0.5, {
      message: 'messaging_oldest_blocked_seconds above 0.5',
    });
    expect(handled.some((h) => h.n === 2)).toBe(false);

    const { queue, close } = await DeadLetterQueue.connect({ natsUrl: TEST_NATS_URL, namespace: ns });
    try {
      const [letter] = await waitFor(
        async () => {
          const letters = await queue.list();
          return letters.length ? letters : undefined;
        },
        { timeoutMs: 60_000, message: 'the timing-out message dead-lettered' },
      );
      expect(letter).toMatchObject({
        subject: 'events.test.job',
        consumer: 'jobs__events_test_job',
        payload: { n: 1 },
      });
      expect(letter.error).toMatch(/TimeoutError/);
      expect(letter.error).toMatch(/dead-lettered past 5 s/);
      // Released to JetStream between in-place windows, not retried in place for ever.
      expect(letter.deliveries).toBeGreaterThan(1);
      expect(Date.parse(letter.failedAt) - published).toBeGreaterThanOrEqual(5_000);
    } finally {
      await close();
    }

    // The conversation goes on, in order, and is no longer blocked.
    const second = await waitFor(() => handled.find((h) => h.n === 2), { timeoutMs: 30_000 });
    expect(handled.some((h) => h.n === 1)).toBe(false);
    expect(second.at - published).toBeGreaterThanOrEqual(5_000);
    await waitFor(async () => (await oldestBlockedSeconds(service)) === 0, { message: 'metric back to 0' });
  });

  it('npm run dlq: list shows it, replay hands it to its consumer once and removes it', async () => {
    const listed = await dlq('list');
    expect(listed.code).toBe(0);
    const line = listed.out.split('\n').find((l) => l.includes('events.test.job'))!;
    expect(line).toBeDefined();
    const id = line.split('\t')[0];

    const shown = await dlq('show', id);
    expect(JSON.parse(shown.out)).toMatchObject({ payload: { key: 'stuck', n: 1 } });

    timingOut = false;
    expect((await dlq('replay', id)).code).toBe(0);
    await waitFor(() => handled.some((h) => h.n === 1), { message: 'replayed message handled' });
    // Replaying again finds nothing; the message was handled once.
    expect(await dlq('replay', id)).toMatchObject({ code: 1, out: `No dead letter ${id}.` });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(handled.filter((h) => h.n === 1)).toHaveLength(1);
    expect((await dlq('list')).out).toBe('No dead letters.');
  });

  it('npm run dlq: drop removes a dead letter without handling it', async () => {
    timingOut = true;
    await publish({ key: 'dropped', n: 4 });
    const line = await waitFor(
      async () => (await dlq('list')).out.split('\n').find((l) => l.includes('events.test.job')),
      { timeoutMs: 60_000, message: 'second dead letter' },
    );
    const id = line.split('\t')[0];
    expect(await dlq('drop', id)).toMatchObject({ code: 0, out: `Dropped ${id}.` });
    expect(await dlq('show', id)).toMatchObject({ code: 1 });
    expect((await dlq('list')).out).toBe('No dead letters.');
    expect(handled.some((h) => h.n === 4)).toBe(false);
    expect(await dlq('bogus')).toMatchObject({ code: 2 });
  });
});
