// The fixed cost of one hop in libs/messaging, in this process's CPU: publishing a realistic event
// (OutboundMessageUpdated) with MessagingClient and handling it with JetStreamServer (a no-op
// handler; unordered and ordered consumers), each against the bare @nats-io/jetstream client doing
// the same round trip (publish awaited; consume, JSON.parse, ack) in the same run.
// `node bench/run.mjs --only=hop` or alone: `node [--cpu-prof] bench/parts/hop.mjs [--events=N]`.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { log, round } from '../lib/common.mjs';
import { deleteStreams, NATS_URL, streamPrefix } from '../lib/infra.mjs';
import { hopLines } from '../lib/table.mjs';

const require = createRequire(import.meta.url);
const messaging = require('../../dist/libs/messaging/src/index.js');
const { OutboundMessageUpdated } = require('../../dist/libs/contracts/src/index.js');
const { createLogger, PinoNestLogger } = require('../../dist/libs/runtime/src/logger.js');
const { Logger } = require('@nestjs/common');

/** Publishes in flight at once, as a busy service has. */
const PUBLISHERS = 16;

const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** A send's status change as outbound publishes it (~600 B of JSON). */
function outboundUpdate(i) {
  return {
    sendId: randomUUID(),
    workspaceId: '8d0c1f1e-6a55-4b8e-9a37-2f1c6b1e0a11',
    chatId: randomUUID(),
    status: 'sent',
    reason: null,
    idempotencyKey: `reply:${randomUUID()}`,
    phoneNumberId: '0b7a4c2e-1d3f-4e5a-8b6c-7d8e9f0a1b2c',
    memberId: randomUUID(),
    channel: 'whatsapp',
    body: `Thanks for your message ${i}: we will be back to you shortly with the details you asked for.`,
    mediaUrls: [],
    contentSid: null,
    errorCode: null,
    twilioSid: `SM${randomUUID().replace(/-/g, '')}`,
    kind: 'reply',
    origin: { service: 'workflow', ref: `run:${randomUUID()}` },
    toPhone: '+15555550123',
    occurredAt: new Date().toISOString(),
  };
}

async function publishAll(n, publishOne) {
  let next = 0;
  await Promise.all(
    Array.from({ length: PUBLISHERS }, async () => {
      while (next < n) await publishOne(next++);
    }),
  );
}

/** CPU µs per event of `run`, which does `n` events. */
async function measure(n, run) {
  const t0 = cpuUs();
  const w0 = performance.now();
  await run();
  return { cpuUsPerEvent: round((cpuUs() - t0) / n, 1), wallMs: round(performance.now() - w0, 0) };
}

export async function benchHop({ ns, events = 5000, rounds = 3 }) {
  // Services log through pino at info: a debug line per handling is a call, not a write.
  Logger.overrideLogger(
    new PinoNestLogger(
      createLogger(
        'hop',
        'info',
        new Writable({
          write: (_c, _e, cb) => cb(),
        }),
      ),
    ),
  );
  const options = { service: 'outbound', natsUrl: NATS_URL, namespace: ns, streamReplicas: 1 };
  const namespace = new messaging.Namespace(ns);
  const subject = namespace.subject(OutboundMessageUpdated.subject);
  const stream = namespace.stream(OutboundMessageUpdated.stream);
  const publisher = new messaging.NatsConnectionService(options);
  await publisher.connect();
  const client = new messaging.MessagingClient(publisher);
  const nc = await connect({ servers: NATS_URL, noAsyncTraces: true });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const encoder = new TextEncoder();

  const publishOurs = (n) =>
    publishAll(n, async () => {
      const p = outboundUpdate(0);
      await client.publish(OutboundMessageUpdated, p, { msgId: `${p.sendId}:${p.status}` });
    });
  const publishBare = (n) =>
    publishAll(n, async () => {
      const p = outboundUpdate(0);
      await js.publish(subject, encoder.encode(JSON.stringify(p)), { msgID: `${p.sendId}:${p.status}` });
    });
  // Warm-up (the stream is declared here), then interleaved rounds.
  await publishOurs(500);
  await publishBare(500);
  const publish = { ours: [], bare: [] };
  for (let r = 0; r < rounds; r++) {
    publish.bare.push(await measure(events, () => publishBare(events)));
    publish.ours.push(await measure(events, () => publishOurs(events)));
  }
  const total = 1000 + 2 * rounds * events;
  const info = await jsm.streams.info(stream);
  if (info.state.messages < total) throw new Error(`stream holds ${info.state.messages} of ${total}`);

  // Consumers, one after the other, each reading the whole stream (`total` events).
  const bareConsume = async () => {
    const durable = 'hop_bare';
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: subject,
      ack_wait: 5_000_000_000,
      max_ack_pending: 1000,
    });
    const consumer = await js.consumers.get(stream, durable);
    return measure(total, async () => {
      const messages = await consumer.consume({ max_messages: 64 });
      let seen = 0;
      for await (const m of messages) {
        JSON.parse(new TextDecoder().decode(m.data));
        m.ack();
        if (++seen === total) break;
      }
    });
  };
  const ours = async (name, consumerOptions) => {
    const connection = new messaging.NatsConnectionService({ ...options, service: name });
    await connection.connect();
    const server = new messaging.JetStreamServer(connection);
    let seen = 0;
    let done;
    const all = new Promise((resolve) => (done = resolve));
    server.addHandler(
      OutboundMessageUpdated.subject,
      async () => {
        if (++seen === total) done();
      },
      true,
      {
        [messaging.CONTRACT]: OutboundMessageUpdated,
        [messaging.CONSUMER_OPTIONS]: consumerOptions,
      },
    );
    const t0 = cpuUs();
    const w0 = performance.now();
    await new Promise((resolve, reject) => server.listen((error) => (error ? reject(error) : resolve())));
    // Setup (streams, consumers, ownership) is not a handling: counted from the first pull on.
    const setupUs = cpuUs() - t0;
    const atStart = seen;
    const t1 = cpuUs();
    await all;
    const result = {
      cpuUsPerEvent: round((cpuUs() - t1) / (total - atStart), 1),
      wallMs: round(performance.now() - w0, 0),
      setupMs: round(setupUs / 1000, 1),
    };
    await server.close();
    await connection.onApplicationShutdown?.();
    return result;
  };
  const consume = {
    bare: await bareConsume(),
    unordered: await ours('hopu', {}),
    ordered: await ours('hopo', { orderBy: (p) => p.chatId ?? p.sendId }),
  };
  await nc.close();
  await publisher.onApplicationShutdown?.();

  const medianOf = (runs) =>
    runs.map((r) => r.cpuUsPerEvent).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return {
    events,
    rounds,
    consumed: total,
    publishers: PUBLISHERS,
    publish: { bareUs: medianOf(publish.bare), oursUs: medianOf(publish.ours), runs: publish },
    consume: {
      bareUs: consume.bare.cpuUsPerEvent,
      unorderedUs: consume.unordered.cpuUsPerEvent,
      orderedUs: consume.ordered.cpuUsPerEvent,
      runs: consume,
    },
  };
}

/** Removes what a run made: its streams and its ownership buckets' streams. */
export async function cleanupHop(ns) {
  await deleteStreams([ns]);
  const nc = await connect({ servers: NATS_URL, noAsyncTraces: true });
  try {
    const jsm = await jetstreamManager(nc);
    for (const bucket of ['MEMBERS', 'LEASES'])
      await jsm.streams.delete(`KV_${streamPrefix(ns)}${bucket}`).catch(() => undefined);
  } finally {
    await nc.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const events = Number(process.argv.find((a) => a.startsWith('--events='))?.slice(9) ?? 5000);
  const ns = `hop${Date.now().toString(36)}`;
  try {
    const result = await benchHop({ ns, events });
    console.log(hopLines(result).join('\n'));
    console.log(JSON.stringify(result));
  } finally {
    await cleanupHop(ns);
    log('cleaned up');
  }
  process.exit(0);
}
