import { AckPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { HeldMessages } from './held-messages';

// @app/testing depends on this library, so the spec reaches NATS on its own.
const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const ACK_WAIT_MS = 3_000;

describe('messages held by a replica that dies', () => {
  let nc: NatsConnection;
  let stream: string;
  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
  });
  afterAll(() => nc?.close());
  afterEach(async () => {
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined);
  });

  // A replica holds m1 (pulled first, handling it) and m2 (pulled 0.5 s later, queued behind it),
  // keeps them alive, and dies at 1.2 s. JetStream redelivers in the order ack waits run out.
  const redeliveredAfterCrash = async (keepAlive: (m: JsMsg) => () => void, atOneSecond = () => {}) => {
    stream = `HELD${randomUUID().slice(0, 8)}`;
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    await jsm.consumers.add(stream, {
      durable_name: 'c',
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(ACK_WAIT_MS),
    });
    for (const body of ['m1', 'm2', 'm3']) await jetstream(nc).publish(`${stream}.x`, body);

    const replica = await connect({ servers: TEST_NATS_URL });
    const consumer = await jetstream(replica).consumers.get(stream, 'c');
    const stopM1 = keepAlive((await consumer.next())!);
    await sleep(500);
    const stopM2 = keepAlive((await consumer.next())!);
    await sleep(500);
    atOneSecond();
    await sleep(200);
    await replica.flush();
    stopM1();
    stopM2();
    await replica.close();

    // The next owner waits out the ack wait, then pulls.
    await sleep(ACK_WAIT_MS + 1_000);
    const next = await jetstream(nc).consumers.get(stream, 'c');
    const order: string[] = [];
    for await (const m of await next.fetch({ max_messages: 3, expires: 2_000 })) {
      order.push(m.string());
      m.ack();
    }
    return order;
  };

  it('come back in stream order when kept alive together', async () => {
    const held = new HeldMessages(1_000);
    const order = await redeliveredAfterCrash((m) => {
      held.hold(m);
      return () => held.release(m);
    });
    expect(order).toEqual(['m1', 'm2', 'm3']);
  });

  it('come back out of order with a keep-alive timer per message (why HeldMessages exists)', async () => {
    // m1's own timer fires at 1 s; m2's would fire at 1.5 s, after the crash.
    const pulled: JsMsg[] = [];
    const order = await redeliveredAfterCrash(
      (m) => {
        pulled.push(m);
        return () => undefined;
      },
      () => pulled[0].working(),
    );
    expect(order).toEqual(['m2', 'm1', 'm3']);
  });
});
