import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import type { z } from 'zod';
import { defineEvent, type DeadLetter, type EventContract, type RequestContract } from '@app/contracts';
import { encodeJson, MessagingClient, Namespace, NatsConnectionService } from '@app/messaging';
import { TEST_NATS_URL } from './test-env';

/**
 * An event of a test's own (`events.test.<name>` on the EVENTS stream), outside the contracts table:
 * no publishers or consumers are listed, so no NATS permissions are generated for it.
 */
export function testEvent<S extends z.ZodType>(
  name: string,
  schema: S,
  more: { partitionBy?: (payload: z.infer<S>) => string } = {},
): EventContract<S> {
  return defineEvent({
    subject: `events.test.${name}`,
    stream: 'EVENTS',
    description: 'test',
    publishers: [],
    consumers: [],
    schema,
    ...more,
  });
}

/** The dead letters published so far in a namespace's DLQ stream (none while it does not exist). */
export async function readDeadLetters(nc: NatsConnection, namespace: Namespace): Promise<DeadLetter[]> {
  const js = jetstream(nc);
  const jsm = await js.jetstreamManager();
  const stream = namespace.stream('DLQ');
  try {
    await jsm.streams.info(stream);
  } catch {
    return [];
  }
  const consumer = await js.consumers.get(stream);
  const out: DeadLetter[] = [];
  for (;;) {
    const m = await consumer.next({ expires: 1000 });
    if (!m) break;
    out.push(m.json<DeadLetter>());
  }
  return out;
}

/**
 * A real NATS client for tests, in a namespace: publish events, ask and answer requests as
 * another service would, and watch what a service publishes.
 */
export class NatsTestClient {
  private readonly subs: Subscription[] = [];
  private constructor(
    readonly namespace: Namespace,
    readonly nc: NatsConnection,
    readonly messaging: MessagingClient,
    private readonly connection: NatsConnectionService,
  ) {}

  static async connect(namespace: string): Promise<NatsTestClient> {
    const connection = new NatsConnectionService({
      service: 'test',
      natsUrl: TEST_NATS_URL,
      namespace,
      streamReplicas: 1,
    });
    await connection.connect();
    const nc = await connect({ servers: TEST_NATS_URL });
    return new NatsTestClient(new Namespace(namespace), nc, new MessagingClient(connection), connection);
  }

  publish<C extends EventContract>(contract: C, payload: z.input<C['schema']>, msgId: string) {
    return this.messaging.publish(contract, payload, { msgId });
  }

  request<C extends RequestContract>(
    contract: C,
    payload: z.input<C['request']>,
    timeoutMs = 5_000,
  ): Promise<z.infer<C['response']>> {
    return this.messaging.request(contract, payload, { timeoutMs });
  }

  /** Answers a request contract as the owning service would (for a service tested alone). */
  respond<C extends RequestContract>(
    contract: C,
    handler: (request: z.infer<C['request']>) => unknown,
  ): void {
    const sub = this.nc.subscribe(this.namespace.subject(contract.subject), {
      callback: (_err, msg) => {
        void (async () => {
          try {
            const data = await handler(contract.request.parse(msg.json()) as z.infer<C['request']>);
            msg.respond(encodeJson({ ok: true, data }));
          } catch (error) {
            const e = error as { code?: string; message?: string };
            msg.respond(
              encodeJson({
                ok: false,
                error: { code: e.code ?? 'internal', message: e.message ?? String(error) },
              }),
            );
          }
        })();
      },
    });
    this.subs.push(sub);
  }

  /** Collects every event published on a contract's subject (and its partitions and lanes) from now on (validated). */
  collect<C extends EventContract>(contract: C, subject = contract.subject): Array<z.infer<C['schema']>> {
    const out: Array<z.infer<C['schema']>> = [];
    const below = (contract.partitionBy || contract.laneOf) && subject === contract.subject;
    const subjects = [subject, ...(below ? [`${subject}.>`] : [])];
    for (const s of subjects)
      this.subs.push(
        this.nc.subscribe(this.namespace.subject(s), {
          callback: (_err, msg) => {
            out.push(contract.schema.parse(msg.json()) as z.infer<C['schema']>);
          },
        }),
      );
    return out;
  }

  /**
   * What JetStream stored on a contract's subject (after de-duplication by msgId), oldest first,
   * read up to what the stream held when asked (no waiting for a timeout at the end).
   */
  async stored<C extends EventContract>(
    contract: C,
  ): Promise<Array<{ msgId: string | null; event: z.infer<C['schema']> }>> {
    const js = jetstream(this.nc);
    // NATS 2.9: no filter_subjects on ordered consumers; read the (namespaced, small) stream and filter here.
    const stream = this.namespace.stream(contract.stream);
    const { state } = await (await js.jetstreamManager()).streams.info(stream);
    const consumer = await js.consumers.get(stream);
    const subject = this.namespace.subject(contract.subject);
    const out: Array<{ msgId: string | null; event: z.infer<C['schema']> }> = [];
    while (state.messages > 0) {
      const m = await consumer.next({ expires: 1000 });
      if (!m) break;
      if (
        m.subject === subject ||
        ((contract.partitionBy || contract.laneOf) && m.subject.startsWith(`${subject}.`))
      )
        out.push({
          msgId: m.headers?.get('Nats-Msg-Id') ?? null,
          event: contract.schema.parse(m.json()) as z.infer<C['schema']>,
        });
      if (m.seq >= state.last_seq) break;
    }
    return out;
  }

  /** Dead letters published so far in this namespace. */
  deadLetters(): Promise<DeadLetter[]> {
    return readDeadLetters(this.nc, this.namespace);
  }

  async close(): Promise<void> {
    for (const s of this.subs) s.unsubscribe();
    await this.nc.drain();
    await this.connection.onApplicationShutdown();
  }
}
