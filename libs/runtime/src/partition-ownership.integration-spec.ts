import { Controller, Inject, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { TEST_NATS_URL, testEvent, uniqueNamespace, waitFor } from '@app/testing';
import { Kvm } from '@nats-io/kv';
import {
  MessagingClient,
  MessagingModule,
  Namespace,
  NatsConnectionService,
  OnEvent,
  ownershipBuckets,
} from '@app/messaging';
import { bootService, type RunningService } from './bootstrap';

// Three replicas of one service in this process, each its own NATS connection and JetStreamServer,
// on a partitioned contract: replicas join and leave (gracefully) while conversations stream in.
const Turn = testEvent('turn', z.object({ chat: z.string(), n: z.number() }), {
  partitionBy: (t) => t.chat,
});

const ns = uniqueNamespace();
const PARTITIONS = 4;
const CHATS = 24;
const PER_CHAT = 12;
interface Handling {
  replica: string;
  chat: string;
  n: number;
  start: number;
  end: number;
}
const handled: Handling[] = [];
const REPLICA = Symbol('replica');

@Controller()
class TurnController {
  constructor(@Inject(REPLICA) private readonly replica: string) {}

  @OnEvent(Turn, { orderBy: (t) => t.chat, concurrency: 8 })
  async handle(@Payload() turn: z.infer<typeof Turn.schema>) {
    const start = performance.now();
    await new Promise((r) => setTimeout(r, 5 + (turn.n % 3) * 5));
    handled.push({ replica: this.replica, chat: turn.chat, n: turn.n, start, end: performance.now() });
  }
}

const TIMING = { tickMs: 300, memberTtlMs: 2_000, graceMs: 900 };
const messaging = (namespace = ns) =>
  MessagingModule.forRoot({
    service: 'owners',
    natsUrl: TEST_NATS_URL,
    namespace,
    streamReplicas: 1,
    partitions: { default: PARTITIONS },
    ownership: TIMING,
  });

function startReplica(name: string, namespace = ns): Promise<RunningService> {
  @Module({
    imports: [messaging(namespace)],
    controllers: [TurnController],
    providers: [{ provide: REPLICA, useValue: name }],
  })
  class ReplicaModule {}
  return bootService({
    service: 'owners',
    module: ReplicaModule,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
  });
}

describe('partition ownership across replicas', () => {
  const replicas = new Map<string, RunningService>();
  let publisher: RunningService;

  beforeAll(async () => {
    @Module({ imports: [messaging()] })
    class PublisherModule {}
    publisher = await bootService({
      service: 'publisher',
      module: PublisherModule,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      messaging: false,
    });
  });

  afterAll(async () => {
    for (const r of replicas.values()) await r.close();
    await publisher?.close();
  });

  it('hands each conversation to one replica at a time, in order, while replicas join and leave', async () => {
    const client = publisher.app.get(MessagingClient);
    replicas.set('a', await startReplica('a'));
    // Every partition (and the unpartitioned subject) is owned by the lone replica.
    expect(replicas.get('a')!.server!.ownedPartitions().sort()).toEqual(['0', '1', '2', '3', 'legacy']);

    const publishing = (async () => {
      for (let n = 0; n < PER_CHAT; n++) {
        for (let c = 0; c < CHATS; c++)
          await client.publish(Turn, { chat: `chat-${c}`, n }, { msgId: `turn-${c}-${n}` });
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    await new Promise((r) => setTimeout(r, 600));
    replicas.set('b', await startReplica('b'));
    await new Promise((r) => setTimeout(r, 600));
    replicas.set('c', await startReplica('c'));
    await new Promise((r) => setTimeout(r, 900));
    // A rolling update: the first replica leaves, handing its partitions over once settled.
    await replicas.get('a')!.close();
    replicas.delete('a');
    await publishing;

    await waitFor(() => new Set(handled.map((h) => `${h.chat}/${h.n}`)).size === CHATS * PER_CHAT, {
      timeoutMs: 30_000,
    });

    const byChat = new Map<string, Handling[]>();
    for (const h of handled) byChat.set(h.chat, [...(byChat.get(h.chat) ?? []), h]);
    const outOfOrder: string[] = [];
    const overlapping: string[] = [];
    for (const [chat, list] of byChat) {
      const firsts = list.filter((h, i) => list.findIndex((o) => o.n === h.n) === i).map((h) => h.n);
      if (firsts.some((n, i) => i > 0 && n < firsts[i - 1])) outOfOrder.push(`${chat}: ${firsts.join(',')}`);
      for (const x of list)
        for (const y of list)
          if (x.replica !== y.replica && x.start < y.end && y.start < x.end)
            overlapping.push(`${chat}: ${x.replica}#${x.n} and ${y.replica}#${y.n}`);
    }
    expect(outOfOrder).toEqual([]);
    expect(overlapping).toEqual([]);
    // Work moved: more than one replica handled messages.
    expect(new Set(handled.map((h) => h.replica)).size).toBeGreaterThan(1);

    // The two left share every partition, none twice.
    await waitFor(
      () => {
        const owned = [...replicas.values()].flatMap((r) => r.server!.ownedPartitions());
        return owned.length === PARTITIONS + 1 && new Set(owned).size === PARTITIONS + 1;
      },
      { timeoutMs: 10_000 },
    );
    const pending = await replicas.get('b')!.server!.pending();
    expect(Object.values(pending).every((p) => p === 0)).toBe(true);
  }, 90_000);

  it('stops pulling within half the heartbeat TTL once its heartbeat cannot be written, and resumes after', async () => {
    // Its own namespace: one replica whose heartbeats fail because the members bucket is gone.
    const ns2 = uniqueNamespace();
    @Module({ imports: [messaging(ns2)] })
    class Publisher2Module {}
    const publisher2 = await bootService({
      service: 'publisher',
      module: Publisher2Module,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      messaging: false,
    });
    const solo = await startReplica('solo', ns2);
    try {
      const client = publisher2.app.get(MessagingClient);
      const nats = publisher2.app.get(NatsConnectionService);
      await nats.connect();
      const mine = () => handled.filter((h) => h.replica === 'solo');
      const publish = async (from: number, to: number) => {
        for (let n = from; n < to; n++)
          for (let c = 0; c < 6; c++)
            await client.publish(Turn, { chat: `solo-${c}`, n }, { msgId: `solo-${c}-${n}` });
      };
      await publish(0, 3);
      await waitFor(() => mine().length === 18, { timeoutMs: 10_000 });
      expect(solo.server!.ownedPartitions()).toHaveLength(PARTITIONS + 1);

      const { members } = ownershipBuckets(new Namespace(ns2));
      await nats.manager.streams.delete(`KV_${members}`);
      const cut = Date.now();
      // Its last heartbeat was sent before the cut, so its entry could expire at cut + TTL:
      // it must have stopped pulling by cut + TTL/2 (plus a timer's slack).
      await waitFor(() => solo.server!.ownedPartitions().length === 0, { timeoutMs: TIMING.memberTtlMs });
      expect(Date.now() - cut).toBeLessThanOrEqual(TIMING.memberTtlMs / 2 + 250);
      const paused = Date.now();
      await publish(3, 5);
      await new Promise((r) => setTimeout(r, TIMING.memberTtlMs * 1.5));
      expect(mine().filter((h) => performance.timeOrigin + h.start > paused)).toEqual([]);

      // The bucket back: the next heartbeat is confirmed, the leases still carry its revisions, it resumes.
      await new Kvm(nats.jetstream).create(members, { ttl: TIMING.memberTtlMs, history: 1, replicas: 1 });
      await waitFor(() => mine().length === 30, { timeoutMs: 15_000 });
      for (let c = 0; c < 6; c++)
        expect(
          mine()
            .filter((h) => h.chat === `solo-${c}`)
            .map((h) => h.n),
        ).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await solo.close();
      await publisher2.close();
    }
  }, 60_000);
});
