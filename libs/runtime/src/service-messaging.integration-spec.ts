import { Controller, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { Client } from 'pg';
import { z } from 'zod';
import { AppError, defineRequest } from '@app/contracts';
import { bootService, type RunningService } from './bootstrap';
import { startInMemoryTracing } from '@app/telemetry';
import {
  readDeadLetters,
  TEST_DATABASE_URL,
  testEvent,
  TEST_NATS_URL,
  uniqueNamespace,
  waitFor,
} from '@app/testing';
import {
  MessagingClient,
  MessagingModule,
  OnEvent,
  OnRequest,
  JetStreamContext,
  Namespace,
  encodeJson,
} from '@app/messaging';

const Thing = testEvent(
  'thing',
  z.object({ key: z.string(), n: z.number(), mode: z.enum(['ok', 'fail', 'slow', 'flaky']).default('ok') }),
);
const Echo = defineRequest({
  subject: 'rpc.test.echo',
  description: 'test',
  askedBy: [],
  request: z.object({ text: z.string().min(1) }),
  response: z.object({ text: z.string() }),
});

const exporter = startInMemoryTracing('messaging-test');
const ns = uniqueNamespace();
const table = `${ns}_things`;
let db: Client;
let nc: NatsConnection;
const seen: Array<{ key: string; n: number; traceparent: string | null; delivery: number }> = [];
const flakyRuns: Array<{ n: number; delivery: number; attempt: number; handledBefore: boolean }> = [];

@Controller()
class ThingController {
  constructor(private readonly messaging: MessagingClient) {}

  @OnEvent(Thing, { orderBy: (t) => t.key, maxAttempts: 3 })
  async handle(@Payload() thing: z.infer<typeof Thing.schema>, @Ctx() ctx: JetStreamContext) {
    if (thing.mode === 'fail') throw new Error(`thing ${thing.n} cannot be handled`);
    if (thing.mode === 'flaky') {
      const { attempt, deliveryCount: delivery, handledBefore } = ctx;
      flakyRuns.push({ n: thing.n, delivery, attempt, handledBefore });
      if (attempt === 1) throw new Error(`thing ${thing.n} fails its first attempt`);
    }
    if (thing.mode === 'slow') await new Promise((r) => setTimeout(r, 30));
    // Idempotent in the database: a second delivery of the same thing changes nothing.
    const result = await db.query(`INSERT INTO ${table} (key, n) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      thing.key,
      thing.n,
    ]);
    if (result.rowCount)
      seen.push({ ...thing, traceparent: ctx.header('traceparent'), delivery: ctx.deliveryCount });
  }

  @OnRequest(Echo)
  echo(@Payload() req: z.infer<typeof Echo.request>) {
    if (req.text === 'missing') throw new AppError('not_found', 'Nothing called missing.');
    return { text: req.text.toUpperCase() };
  }

  publish(n: number) {
    return this.messaging.publish(Thing, { key: 'k', n }, { msgId: `thing-${n}` });
  }
}

@Module({ controllers: [ThingController] })
class ThingModule {}

function startThings(): Promise<RunningService> {
  return bootService({
    service: 'things',
    module: {
      module: ThingModule,
      imports: [
        MessagingModule.forRoot({
          service: 'things',
          natsUrl: TEST_NATS_URL,
          namespace: ns,
          streamReplicas: 1,
        }),
      ],
    },
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
  });
}

/** A bare publisher, as another service would be. */
async function publishRaw(payload: unknown, msgId: string, headers?: Record<string, string>) {
  const js = jetstream(nc);
  const { headers: mk } = await import('@nats-io/transport-node');
  const h = mk();
  for (const [k, v] of Object.entries(headers ?? {})) h.set(k, v);
  return js.publish(
    new Namespace(ns).subject(Thing.subject),
    typeof payload === 'string' ? new TextEncoder().encode(payload) : encodeJson(payload),
    { msgID: msgId, headers: h },
  );
}

describe('JetStream messaging', () => {
  let service: RunningService;

  beforeAll(async () => {
    db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    await db.query(`CREATE TABLE ${table} (key text, n int, PRIMARY KEY (key, n))`);
    nc = await connect({ servers: TEST_NATS_URL });
    // First start declares the stream and durable consumer, then the service goes down.
    service = await startThings();
    await service.close();
  });

  afterAll(async () => {
    await service?.close();
    await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.end();
    await nc.close();
  });

  it('handles a message published while its service was down, once the service starts', async () => {
    await publishRaw({ key: 'down', n: 1 }, 'down-1');
    service = await startThings();
    await waitFor(() => seen.some((s) => s.key === 'down' && s.n === 1), {
      message: 'message handled after start',
    });
  });

  it('handles a message delivered twice once in effect', async () => {
    const first = await publishRaw({ key: 'dup', n: 1 }, 'dup-1');
    const second = await publishRaw({ key: 'dup', n: 1 }, 'dup-1');
    expect(second.duplicate).toBe(true);
    expect(first.duplicate).toBe(false);
    // Past JetStream's de-duplication (another msg id), the database's unique key still holds.
    await publishRaw({ key: 'dup', n: 1 }, 'dup-1-retry');
    await publishRaw({ key: 'dup', n: 2 }, 'dup-2');
    await waitFor(() => seen.some((s) => s.key === 'dup' && s.n === 2));
    const { rows } = await db.query(`SELECT count(*)::int AS c FROM ${table} WHERE key = 'dup' AND n = 1`);
    expect(rows[0].c).toBe(1);
    expect(seen.filter((s) => s.key === 'dup' && s.n === 1)).toHaveLength(1);
  });

  it('keeps one key in order while other keys run in parallel', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        Promise.all([
          publishRaw({ key: 'order-a', n: i, mode: 'slow' }, `oa-${i}`),
          publishRaw({ key: 'order-b', n: i, mode: 'slow' }, `ob-${i}`),
        ]),
      ),
    );
    await waitFor(() => seen.filter((s) => s.key.startsWith('order-')).length === 40, {
      message: '40 ordered messages',
    });
    for (const key of ['order-a', 'order-b']) {
      const ns_ = seen.filter((s) => s.key === key).map((s) => s.n);
      expect(ns_).toEqual([...ns_].sort((a, b) => a - b));
    }
  });

  it('dead-letters a message whose handler keeps failing, with its error, and an invalid payload with the reason', async () => {
    await publishRaw({ key: 'bad', n: 7, mode: 'fail' }, 'fail-7');
    await publishRaw({ key: 'bad', n: 'eight' }, 'invalid-8');
    await publishRaw('not json at all', 'garbage-9');
    // The consumer survives and keeps handling good messages.
    await publishRaw({ key: 'after-bad', n: 1 }, 'after-bad-1');
    await waitFor(() => seen.some((s) => s.key === 'after-bad'));
    const letters = await waitFor(
      async () => {
        const all = await readDeadLetters(nc, new Namespace(ns));
        return all.length >= 3 ? all : undefined;
      },
      { message: 'three dead letters' },
    );
    const failed = letters.find((l) => l.msgId === 'fail-7')!;
    expect(failed.error).toContain('thing 7 cannot be handled');
    expect(failed.subject).toBe('events.test.thing');
    expect(failed.payload).toMatchObject({ key: 'bad', n: 7 });
    const invalid = letters.find((l) => l.msgId === 'invalid-8')!;
    expect(invalid.error).toMatch(/n: Invalid input: expected number/);
    expect(letters.find((l) => l.msgId === 'garbage-9')!.error).toBe('Payload is not JSON');
  });

  it('tells a handler retried in place that it ran before (same delivery, next attempt)', async () => {
    await publishRaw({ key: 'flaky', n: 1, mode: 'flaky' }, 'flaky-1');
    await waitFor(() => seen.some((s) => s.key === 'flaky'), { message: 'flaky thing handled' });
    expect(flakyRuns).toEqual([
      { n: 1, delivery: 1, attempt: 1, handledBefore: false },
      { n: 1, delivery: 1, attempt: 2, handledBefore: true },
    ]);
  });

  it('carries one trace id across the publish and the handler', async () => {
    await service.app.get(ThingController).publish(100);
    const handled = await waitFor(() => seen.find((s) => s.n === 100 && s.key === 'k'));
    const traceId = handled.traceparent!.split('-')[1];
    await waitFor(() =>
      exporter
        .getFinishedSpans()
        .some((s) => s.name === 'events.test.thing process' && s.spanContext().traceId === traceId),
    );
    const spans = exporter
      .getFinishedSpans()
      .filter((s) => s.spanContext().traceId === traceId)
      .map((s) => s.name);
    expect(spans).toEqual(expect.arrayContaining(['events.test.thing publish', 'events.test.thing process']));
  });

  it('answers requests, with AppErrors and validation errors as coded replies', async () => {
    const client = service.app.get(MessagingClient);
    await expect(client.request(Echo, { text: 'hi' })).resolves.toEqual({ text: 'HI' });
    await expect(client.request(Echo, { text: 'missing' })).rejects.toMatchObject({
      code: 'not_found',
      message: 'Nothing called missing.',
    });
    const raw = await nc.request(new Namespace(ns).subject(Echo.subject), encodeJson({ text: '' }));
    expect(raw.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('text:') },
    });
  });

  it('reports readiness of NATS on /health/ready', async () => {
    const res = await fetch(`${service.url}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ checks: { nats: 'up' } });
  });
});
