import { Logger } from '@nestjs/common';
import { Kvm, type KV, type KvEntry } from '@nats-io/kv';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Namespace } from './namespace';
import { hashKey } from './partitions';
import { sleep } from './retry';

/** How a replica consumes the partitions it owns (JetStreamServer). */
export interface PartitionWorker {
  /** Start pulling the partition's messages (after the previous owner's deliveries are settled). */
  start(partition: string): void;
  /** Stop pulling it; resolves once its messages in flight here are settled (acked or nak'ed). */
  stop(partition: string): Promise<void>;
}

export interface OwnershipTiming {
  /** How often a replica says it is alive and rebalances. */
  tickMs: number;
  /** A replica not heard from for this long is gone (the members bucket's TTL). */
  memberTtlMs: number;
  /** A free partition meant for another replica is taken by anyone after this long. */
  graceMs: number;
}

export const DEFAULT_OWNERSHIP_TIMING: OwnershipTiming = {
  tickMs: 2_000,
  memberTtlMs: 10_000,
  graceMs: 4_000,
};

/** The two KV buckets: live replicas (entries expire) and partition leases (kept until released or taken). */
export const ownershipBuckets = (ns: Namespace) => {
  const prefix = ns.prefix ? `${ns.prefix.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase()}_` : '';
  return { members: `${prefix}MEMBERS`, leases: `${prefix}LEASES` };
};

/** A replica's name: its host (the pod) and process, plus a random part so a restart is a new replica. */
export const newReplicaId = (): string =>
  `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`.replace(/[^A-Za-z0-9_-]/g, '_');

/** Rendezvous (highest random weight) hashing: moves only the partitions of a replica that comes or goes. */
export function rendezvousOwner(members: readonly string[], partition: string): string | undefined {
  let best: string | undefined;
  let bestWeight = -1;
  for (const member of members) {
    const weight = hashKey(`${member}/${partition}`);
    if (weight > bestWeight || (weight === bestWeight && member < (best ?? ''))) {
      best = member;
      bestWeight = weight;
    }
  }
  return best;
}

/** One partition this replica holds a lease on. */
interface Holding {
  /** The lease's revision this replica wrote: it is still the owner while the lease has it. */
  revision: number;
  /** Its lanes are pulling (false while paused: heartbeat late, or not yet verified). */
  running: boolean;
  /** Starts and stops of its lanes, one after another. */
  transition: Promise<void>;
  /** Set when it is handed over (or dropped): resolves once its lanes are settled and the lease gone. */
  leaving?: Promise<void>;
}

/**
 * Each partition of a service is consumed by one replica at a time (libs/messaging/README.md,
 * "Ownership"). Replicas heartbeat into a KV bucket whose entries expire (NATS 2.9 has bucket TTLs,
 * not pinned consumers); a partition's lease (another bucket) names its owner and changes hands only
 * by compare-and-set: released by its owner once its messages in flight are settled, or taken from
 * an owner whose heartbeat expired.
 *
 * The owner's side of that bargain: its heartbeat entry lives at least until the moment it sent
 * its last confirmed heartbeat plus the TTL, so it pauses every partition (stops pulling, sends
 * queued messages back; those in hand finish) once half the TTL has
 * passed since then, on a timer of its own (not behind slow KV calls). It resumes only after a
 * new confirmed heartbeat and after reading that its leases still carry the revision it wrote;
 * a lease found overwritten is dropped at once. Liveness is read from the bucket's leader (a
 * follower still catching up after a restart would show a live replica as gone).
 */
export class PartitionOwnership {
  private readonly logger = new Logger('PartitionOwnership');
  private members?: KV;
  private leases?: KV;
  private readonly held = new Map<string, Holding>();
  /** When a free partition meant for another replica was first seen free. */
  private readonly freeSince = new Map<string, number>();
  /** When the last heartbeat the server confirmed was sent: this replica's entry lives until then + TTL. */
  private beatSentAt = 0;
  private beating = false;
  private heartbeatTimer?: NodeJS.Timeout;
  private rebalanceTimer?: NodeJS.Timeout;
  private lapseTimer?: NodeJS.Timeout;
  private rebalancing: Promise<void> = Promise.resolve();
  private closed = false;
  private stopped = false;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: {
      service: string;
      replicaId: string;
      namespace: Namespace;
      streamReplicas: number;
      partitions: readonly string[];
      worker: PartitionWorker;
      timing?: Partial<OwnershipTiming>;
    },
  ) {}

  private get timing(): OwnershipTiming {
    return { ...DEFAULT_OWNERSHIP_TIMING, ...this.options.timing };
  }

  get replicaId(): string {
    return this.options.replicaId;
  }

  /** The partitions this replica consumes now. */
  owned(): string[] {
    return [...this.held].filter(([, h]) => h.running && !h.leaving).map(([p]) => p);
  }

  /** Joins, takes its share of the partitions (all of them when alone), then keeps rebalancing. */
  async start(): Promise<void> {
    const { members, leases } = ownershipBuckets(this.options.namespace);
    const kvm = new Kvm(this.js);
    const replicas = this.options.streamReplicas;
    // Reads from the leader (no direct gets): whether a replica is gone decides who may take its leases.
    this.members = await kvm.create(members, {
      ttl: this.timing.memberTtlMs,
      history: 1,
      replicas,
      allow_direct: false,
    });
    this.leases = await kvm.create(leases, { history: 1, replicas, allow_direct: false });
    await this.heartbeat();
    await this.rebalance();
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.timing.tickMs);
    this.heartbeatTimer.unref();
    this.rebalanceTimer = setInterval(() => {
      this.rebalancing = this.rebalancing.then(() => this.rebalance());
    }, this.timing.tickMs);
    this.rebalanceTimer.unref();
  }

  /** Hands every partition back (after its in-flight messages) and leaves, so others take over at once. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.rebalanceTimer);
    await this.rebalancing;
    // Heartbeats go on while the lanes settle: nobody may take a partition still being worked on.
    await Promise.all([...this.held.keys()].map((p) => this.release(p)));
    this.stopped = true;
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.lapseTimer);
    await this.members?.delete(this.memberKey).catch(() => undefined);
  }

  private get memberKey(): string {
    return `${this.options.service}.${this.options.replicaId}`;
  }

  private leaseKey(partition: string): string {
    return `${this.options.service}.${partition}`;
  }

  /** Until when this replica may pull: half the TTL after its last confirmed heartbeat was sent. */
  private get pullDeadline(): number {
    return this.beatSentAt + this.timing.memberTtlMs / 2;
  }

  private async heartbeat(): Promise<void> {
    if (this.beating || this.stopped || !this.members) return;
    this.beating = true;
    const sentAt = Date.now();
    try {
      await this.members.put(this.memberKey, this.options.replicaId, {
        timeout: this.timing.memberTtlMs / 2,
      });
      // The entry is stored no earlier than it was sent, so it lives at least until sentAt + TTL.
      this.beatSentAt = Math.max(this.beatSentAt, sentAt);
      clearTimeout(this.lapseTimer);
      this.lapseTimer = setTimeout(() => this.lapse(), Math.max(0, this.pullDeadline - Date.now()));
      this.lapseTimer.unref();
    } catch (error) {
      this.logger.warn(`Heartbeat failed: ${String(error)}`);
    } finally {
      this.beating = false;
    }
  }

  /** No heartbeat confirmed for half the TTL: others may soon think this replica gone, so stop pulling. */
  private lapse(): void {
    if (Date.now() < this.pullDeadline) return;
    const running = [...this.held].filter(([, h]) => h.running);
    if (running.length)
      this.logger.warn(
        `No heartbeat confirmed for ${Date.now() - this.beatSentAt} ms: pausing ${running.length} partitions`,
      );
    for (const [partition] of running) void this.halt(partition);
  }

  /** Starts the partition's lanes if it is held, not leaving and this replica's heartbeat is fresh. */
  private run(partition: string): Promise<void> {
    const h = this.held.get(partition);
    if (!h) return Promise.resolve();
    h.transition = h.transition.then(() => {
      if (h.running || h.leaving || this.closed || Date.now() >= this.pullDeadline) return;
      h.running = true;
      this.options.worker.start(partition);
    });
    return h.transition;
  }

  /** Stops the partition's lanes; resolves once their messages in flight are settled. */
  private halt(partition: string): Promise<void> {
    const h = this.held.get(partition);
    if (!h) return Promise.resolve();
    h.transition = h.transition.then(async () => {
      if (!h.running) return;
      h.running = false;
      await this.options.worker.stop(partition);
    });
    return h.transition;
  }

  private async rebalance(): Promise<void> {
    if (this.closed || !this.members || !this.leases) return;
    // Late heartbeat: the lapse timer paused everything; take or resume nothing until one is confirmed.
    if (Date.now() >= this.pullDeadline) return;
    const now = Date.now();
    let live: string[];
    try {
      live = await this.liveMembers();
    } catch (error) {
      this.logger.warn(`Could not list replicas: ${String(error)}`);
      return;
    }
    if (!live.includes(this.options.replicaId)) live.push(this.options.replicaId);
    await Promise.all(this.options.partitions.map((p) => this.settle(p, live, now)));
  }

  /** Takes, keeps, resumes or hands over one partition according to the live replicas. */
  private async settle(partition: string, live: string[], now: number): Promise<void> {
    const self = this.options.replicaId;
    const desired = rendezvousOwner(live, partition);
    const key = this.leaseKey(partition);
    const mine = this.held.get(partition);
    if (mine?.leaving) return;
    let entry: KvEntry | null;
    try {
      entry = await this.leases!.get(key);
    } catch {
      return;
    }
    if (mine) {
      if (!entry || entry.revision !== mine.revision) {
        // Overwritten or deleted: another replica took it (this one was thought gone). Stop at once.
        const holder = entry?.operation === 'PUT' ? entry.string() : 'nobody';
        this.logger.error(`Lost partition ${partition} (lease now held by ${holder}); stopping it`);
        void this.leave(partition, false);
      } else if (desired !== self) void this.release(partition);
      else void this.run(partition);
      return;
    }
    const holder = entry?.operation === 'PUT' ? entry.string() : undefined;
    if (holder && holder !== self && live.includes(holder)) {
      this.freeSince.delete(partition);
      return;
    }
    // Free, held by a replica that is gone, or this replica's own from before it let go.
    if (desired !== self && holder !== self) {
      const since = this.freeSince.get(partition) ?? now;
      this.freeSince.set(partition, since);
      if (now - since < this.timing.graceMs) return;
    }
    try {
      const revision =
        entry && entry.operation === 'PUT'
          ? await this.leases!.update(key, self, entry.revision)
          : await this.leases!.create(key, self);
      if (this.closed) {
        await this.leases!.delete(key, { previousSeq: revision }).catch(() => undefined);
        return;
      }
      this.held.set(partition, { revision, running: false, transition: Promise.resolve() });
      this.freeSince.delete(partition);
      if (holder && holder !== self) this.logger.log(`Took partition ${partition} from ${holder} (gone)`);
      void this.run(partition);
    } catch {
      // Another replica was quicker.
    }
  }

  /** Stops consuming the partition, waits for its messages in flight, then frees the lease. */
  private release(partition: string): Promise<void> {
    return this.leave(partition, true);
  }

  /** Stops the partition for good (once), then deletes its lease if it is still this replica's. */
  private leave(partition: string, deleteLease: boolean): Promise<void> {
    const h = this.held.get(partition);
    if (!h) return Promise.resolve();
    h.leaving ??= (async () => {
      try {
        await this.halt(partition);
        for (let attempt = 0; deleteLease && attempt < 3; attempt++) {
          try {
            await this.leases!.delete(this.leaseKey(partition), { previousSeq: h.revision });
            break;
          } catch {
            // Taken meanwhile (this replica was thought gone), or NATS away: its heartbeat expiring frees it.
            if (attempt < 2) await sleep(200);
          }
        }
      } finally {
        this.held.delete(partition);
      }
    })();
    return h.leaving;
  }

  /** Replicas of this service whose heartbeat has not expired (read from the bucket's leader). */
  private async liveMembers(): Promise<string[]> {
    const bucket = ownershipBuckets(this.options.namespace).members;
    const prefix = `$KV.${bucket}.${this.options.service}.`;
    const info = await this.jsm.streams.info(`KV_${bucket}`, { subjects_filter: `${prefix}*` });
    const keys = Object.keys(info.state.subjects ?? {}).map((s) => s.slice(`$KV.${bucket}.`.length));
    const entries = await Promise.all(keys.map((k) => this.members!.get(k)));
    return entries.filter((e): e is KvEntry => e?.operation === 'PUT').map((e) => e.string());
  }
}
