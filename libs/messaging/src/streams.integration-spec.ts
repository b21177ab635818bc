import { jetstreamManager } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { Namespace } from './namespace';
import { ensureStreams } from './streams';

// @app/testing depends on this library, so the spec reaches NATS on its own.
const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const HOUR_NS = nanos(60 * 60 * 1000);

describe('stream retention', () => {
  let nc: NatsConnection;
  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
  });
  afterAll(() => nc?.close());

  it('keeps raw webhooks and dead letters only as long as configured, and updates existing streams', async () => {
    const jsm = await jetstreamManager(nc);
    const ns = new Namespace(`t${randomUUID().slice(0, 8)}`);
    const maxAge = async (name: 'INBOUND' | 'DLQ' | 'CONVERSATION') =>
      (await jsm.streams.info(ns.stream(name))).config.max_age;

    // Defaults: 24 hours for INBOUND, 7 days for dead letters; other streams 7 days.
    await ensureStreams(jsm, ns, ['INBOUND', 'DLQ', 'CONVERSATION'], { streamReplicas: 1 });
    expect(await maxAge('INBOUND')).toBe(24 * HOUR_NS);
    expect(await maxAge('DLQ')).toBe(7 * 24 * HOUR_NS);
    expect(await maxAge('CONVERSATION')).toBe(7 * 24 * HOUR_NS);

    // The operator's settings, applied to the streams that already exist.
    const settings = { streamReplicas: 1, inboundRetentionHours: 2, deadLetterRetentionDays: 3 };
    await ensureStreams(jsm, ns, ['INBOUND', 'DLQ', 'CONVERSATION'], settings);
    expect(await maxAge('INBOUND')).toBe(2 * HOUR_NS);
    expect(await maxAge('DLQ')).toBe(3 * 24 * HOUR_NS);
    expect(await maxAge('CONVERSATION')).toBe(7 * 24 * HOUR_NS);

    for (const name of ['INBOUND', 'DLQ', 'CONVERSATION'] as const) await jsm.streams.delete(ns.stream(name));
  });

  it('updates a stream only when its declared settings changed (each update rewrites its metadata file)', async () => {
    const jsm = await jetstreamManager(nc);
    const ns = new Namespace(`t${randomUUID().slice(0, 8)}`);
    const updates: string[] = [];
    // This stream's own advisories: other tests and services share the server.
    const advisories = nc.subscribe(`$JS.EVENT.ADVISORY.STREAM.UPDATED.${ns.stream('INBOUND')}`, {
      callback: (_error, msg) => {
        updates.push(msg.subject.split('.').pop()!);
      },
    });
    const settings = { streamReplicas: 1, service: 'ingress' };
    await ensureStreams(jsm, ns, ['INBOUND'], settings);
    await ensureStreams(jsm, ns, ['INBOUND'], settings);
    await ensureStreams(jsm, ns, ['INBOUND'], { ...settings, inboundRetentionHours: 3 });
    await nc.flush();
    await new Promise((r) => setTimeout(r, 200));
    advisories.unsubscribe();
    // Created once, left alone once, updated once when its retention changed.
    expect(updates).toEqual([ns.stream('INBOUND')]);
    expect((await jsm.streams.info(ns.stream('INBOUND'))).config.max_age).toBe(3 * HOUR_NS);
    await jsm.streams.delete(ns.stream('INBOUND'));
  });
});
