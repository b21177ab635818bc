import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server, type MessageHandler } from '@nestjs/microservices';
import { headers as natsHeaders, type Msg, type Subscription } from '@nats-io/transport-node';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { SpanKind } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { lastValueFrom, isObservable, defaultIfEmpty } from 'rxjs';
import {
  AppError,
  deadLetterSubject,
  formatIssues,
  hintHeader,
  isAppError,
  type EventContract,
  type RequestContract,
} from '@app/contracts';
import { counter, gauge, histogram } from '@app/telemetry';
import { decodeText, encodeJson, type ReplyEnvelope } from './codec';
import { CONSUMER_OPTIONS, CONTRACT } from './decorators';
import { JetStreamContext } from './jetstream.context';
import { deadLetterEnvelope, deadLetterMsgId } from './dead-letter';
import { KeyedExecutor } from './keyed-executor';
import type { ConsumerOptions } from './messaging.options';
import { NatsConnectionService } from './nats-connection';
import {
  backoffMs,
  DeferDelivery,
  isTransientError,
  NonRetryableError,
  retryTransient,
  sleep,
} from './retry';
import { decideRetry, DEFAULT_RETRY_POLICY, maxReleases, type RetryPolicy } from './retry-policy';
import { ensureConsumer, ensureStreams, ownedStreams } from './streams';
import { newReplicaId, PartitionOwnership } from './ownership';
import { laneSubject, partitionCount } from './partitions';
import { extractTraceContext, withConsumerSpan } from './tracing';
import { HeldMessages } from './held-messages';
import { context as otelContext, trace } from '@opentelemetry/api';

const handled = counter('messaging_handled_total', 'Events handled, by outcome', ['subject', 'outcome']);
const skipped = counter(
  'messaging_skipped_total',
  "Events a consumer's skip acked from their header hints alone, never decoded or handled",
  ['subject'],
);
const redeliveries = counter('messaging_redeliveries_total', 'Events JetStream delivered more than once', [
  'subject',
]);
const deadLettered = counter('messaging_dead_lettered_total', 'Events moved to the dead-letter subject', [
  'subject',
]);
const handlerSeconds = histogram('messaging_handler_seconds', 'Time to handle one event, retries included', [
  'subject',
]);
const consumerLag = gauge(
  'messaging_consumer_pending',
  'Messages waiting in the lanes of a consumer this replica pulls (its lag)',
  ['consumer'],
);
/** Every running server's owned partitions, for the gauge below. */
const ownershipSources = new Set<() => [service: string, owned: number]>();
gauge(
  'messaging_owned_partitions',
  'Partitions of its ordered consumers this replica owns (libs/messaging ownership)',
  ['service'],
  function () {
    this.reset();
    for (const source of ownershipSources) {
      const [service, owned] = source();
      this.set({ service }, owned);
    }
  },
);
/** Every running consumer's blocked conversations, for the gauge below (one process may run several services in tests). */
const blockedSources = new Set<() => Array<[consumer: string, seconds: number]>>();
gauge(
  'messaging_oldest_blocked_seconds',
  'Age of the oldest conversation held back by a failing message (0: none), per consumer',
  ['consumer'],
  function () {
    this.reset();
    for (const source of blockedSources)
      for (const [consumer, seconds] of source()) this.set({ consumer }, seconds);
  },
);
/** Every running consumer's messages in hand, for the gauge below. */
const inFlightSources = new Set<() => Array<[consumer: string, count: number]>>();
gauge(
  'messaging_in_flight',
  'Messages a consumer holds in its handlers right now (deferred ones are not held), per consumer',
  ['consumer'],
  function () {
    this.reset();
    for (const source of inFlightSources) for (const [consumer, n] of source()) this.set({ consumer }, n);
  },
);
const requestsAnswered = counter('messaging_requests_total', 'Requests answered, by outcome', [
  'subject',
  'outcome',
]);

/**
 * How long JetStream waits for an ack before redelivering. Short, because it is also how soon a
 * crashed replica's messages come back; handlers that run longer send `working()` heartbeats.
 */
const DEFAULT_ACK_WAIT_MS = 5_000;

/**
 * A delivery that crashed its consumer this many times (beyond the releases the retry policy
 * allows) is poison: dead-letter it instead of crashing again.
 */
const MAX_DELIVERIES = 20;

/** A new owner's first pull waits the ack wait plus this, for the server's redelivery timer. */
const TAKEOVER_MARGIN_MS = 1_000;

/** How long one pull waits for messages on an idle lane before it is asked again. */
const PULL_EXPIRES_MS = 10_000;

/** Set by a consumer that re-publishes a dead letter (`npm run dlq -- replay`): only that consumer handles it. */
export const REPLAY_FOR_HEADER = 'App-Replay-For';

/** A conversation held back by a failing message (its head); later messages wait until it is settled. */
interface Blocked {
  /** The stream sequence of the failing message. */
  head: number;
  /** When it first failed (on this replica). */
  since: number;
  /** When its redelivery is due (0 while it retries in place). */
  until: number;
}

/** One durable consumer of a handler: the subject itself, one partition of it, or all its partitions. */
interface Lane {
  /** The ownership partition (`legacy`, `0`..`P-1`), or undefined when every replica pulls (unordered). */
  partition: string | undefined;
  durable: string;
  filter: string;
  messages: ConsumerMessages | undefined;
  loop: Promise<void>;
  /** Set when the lane is told to stop (handed over or shutting down). */
  stopping: boolean;
  signalStop: () => void;
  stopped: Promise<void>;
  /** Messages of this lane submitted and not yet settled, and who waits for none. */
  inFlight: number;
  settledWaiters: Array<() => void>;
}

interface RunningConsumer {
  name: string;
  stream: string;
  contract: EventContract;
  handler: MessageHandler;
  options: ConsumerOptions;
  ackWaitMs: number;
  /** Messages pulled at once per lane (the lanes together about the handler's concurrency). */
  batch: number;
  lanes: Lane[];
  executor: KeyedExecutor;
  blocked: Map<string, Blocked>;
  /** Messages being handled here, kept alive together (a redelivery of one is skipped: the first delivery acks). */
  held: HeldMessages;
}

/**
 * NestJS transport over NATS: JetStream durable consumers for @OnEvent handlers and core-NATS
 * queue-group subscriptions for @OnRequest handlers. See libs/messaging/README.md for the
 * delivery, retry, dead-letter and ordering rules.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger('JetStreamServer');
  private readonly consumers: RunningConsumer[] = [];
  private readonly subscriptions: Subscription[] = [];
  private closing = false;
  private signalClosed!: () => void;
  /** Resolves when close() starts: pauses end early. */
  private readonly closed = new Promise<void>((resolve) => (this.signalClosed = resolve));
  private lagTimer?: NodeJS.Timeout;
  private ownership?: PartitionOwnership;
  private readonly ownershipSource = (): [string, number] => [
    this.connection.options.service,
    this.ownedPartitions().length,
  ];
  private readonly retryPolicy: RetryPolicy;
  private readonly blockedSource = () =>
    this.consumers.map((c): [string, number] => {
      let oldest = Infinity;
      for (const b of c.blocked.values()) oldest = Math.min(oldest, b.since);
      return [c.name, oldest === Infinity ? 0 : (Date.now() - oldest) / 1000];
    });

  /** MessagingOptions.handlingLog, opened at the first handling. */
  private handlingLog?: WriteStream;
  private replicaId = newReplicaId();

  /**
   * Acks of one event-loop turn, sent together. nats-core writes to its socket in a microtask after
   * the first command it buffers, so acks made from separate handler continuations would cost a
   * socket write each (a third of a busy consumer's CPU). Each message still gets its own ack,
   * after its handler, at most one turn later; a stopping lane sends them before it settles.
   */
  private readonly pendingAcks: JsMsg[] = [];
  private readonly flushAcks = () => {
    for (const msg of this.pendingAcks.splice(0)) msg.ack();
  };

  private ack(msg: JsMsg): void {
    if (this.pendingAcks.push(msg) === 1) setImmediate(this.flushAcks);
  }

  private readonly inFlightSource = () =>
    this.consumers.map((c): [string, number] => [c.name, c.executor.size]);

  constructor(private readonly connection: NatsConnectionService) {
    super();
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...connection.options.retry };
    blockedSources.add(this.blockedSource);
    ownershipSources.add(this.ownershipSource);
    inFlightSources.add(this.inFlightSource);
  }

  on(): void {
    // No transport-level events to subscribe to.
  }

  unwrap<T>(): T {
    return this.connection.nc as T;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.connection.connect();
      // The streams this service owns exist before anyone needs them (others wait for them).
      const { manager, namespace, options } = this.connection;
      await this.setup(() => ensureStreams(manager, namespace, ownedStreams(options.service), options));
      for (const [pattern, handler] of this.getHandlers()) {
        const contract = handler.extras?.[CONTRACT] as EventContract | RequestContract | undefined;
        if (!contract) throw new Error(`Handler for ${pattern} must use @OnEvent or @OnRequest`);
        if (handler.isEventHandler && contract.kind === 'event') {
          await this.addConsumer(
            contract,
            handler,
            (handler.extras?.[CONSUMER_OPTIONS] ?? {}) as ConsumerOptions,
          );
        } else if (!handler.isEventHandler && contract.kind === 'request') {
          this.startResponder(contract, handler);
        } else {
          throw new Error(
            `Handler for ${pattern}: @OnEvent takes an event contract, @OnRequest a request contract`,
          );
        }
      }
      // A pull made before a reconnect may be served from a restarted server's older state: end
      // it, so the lane's next pull waits for what that state still holds (pullLane).
      this.connection.onReconnect(() => {
        for (const c of this.consumers)
          if (c.options.orderBy) for (const lane of c.lanes) lane.messages?.stop();
      });
      // Unordered lanes: every replica pulls. Ordered ones: only the partition's owner.
      for (const c of this.consumers)
        for (const lane of c.lanes) if (lane.partition === undefined) this.startLane(c, lane);
      const partitions = [...new Set(this.consumers.flatMap((c) => c.lanes.map((l) => l.partition)))].filter(
        (p): p is string => p !== undefined,
      );
      if (partitions.length) {
        this.ownership = new PartitionOwnership(this.connection.jetstream, manager, {
          service: options.service,
          replicaId: this.replicaId,
          namespace,
          streamReplicas: options.streamReplicas,
          partitions,
          worker: {
            start: (partition) => this.lanesOf(partition).forEach(([c, lane]) => this.startLane(c, lane)),
            stop: (partition) =>
              Promise.all(this.lanesOf(partition).map(([, lane]) => this.stopLane(lane))).then(
                () => undefined,
              ),
          },
          timing: options.ownership,
        });
        const ownership = this.ownership;
        await this.setup(() => ownership.start());
      }
      this.lagTimer = setInterval(() => void this.recordLag(), 10_000);
      this.lagTimer.unref();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.signalClosed();
    clearInterval(this.lagTimer);
    blockedSources.delete(this.blockedSource);
    ownershipSources.delete(this.ownershipSource);
    inFlightSources.delete(this.inFlightSource);
    // Stop taking new work, then let what is in flight finish (bounded by the shutdown timeout);
    // owned partitions are handed back once settled, so another replica takes them at once.
    await Promise.all(this.subscriptions.map((s) => s.drain().catch(() => undefined)));
    await Promise.all([
      this.ownership?.close(),
      ...this.consumers.flatMap((c) => c.lanes.map((lane) => this.stopLane(lane))),
    ]);
    await Promise.all(this.consumers.map((c) => c.executor.idle()));
    this.flushAcks();
    this.handlingLog?.end();
  }

  /** A setup call at start, retried while the cluster is busy or restarting (up to two minutes). */
  private setup<T>(fn: () => Promise<T>): Promise<T> {
    return retryTransient(fn, {
      forMs: 120_000,
      onRetry: (error) => this.logger.warn(`NATS setup failed, retrying: ${String(error)}`),
    });
  }

  /** The partitions this replica owns now (empty without ordered consumers). */
  ownedPartitions(): string[] {
    return this.ownership?.owned() ?? [];
  }

  /** Pending messages per durable consumer (every lane, owned here or not), for checks and the lag metric. */
  async pending(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const c of this.consumers)
      for (const lane of c.lanes) {
        const info = await this.connection.manager.consumers.info(c.stream, lane.durable);
        out[lane.durable] = info.num_pending + info.num_ack_pending;
      }
    return out;
  }

  /** Lag of the lanes this replica pulls: per replica, what it has still to do. */
  private async recordLag(): Promise<void> {
    try {
      for (const c of this.consumers) {
        let sum = 0;
        for (const lane of c.lanes) {
          if (!lane.messages || lane.stopping) continue;
          const info = await this.connection.manager.consumers.info(c.stream, lane.durable);
          sum += info.num_pending + info.num_ack_pending;
        }
        consumerLag.set({ consumer: c.name }, sum);
      }
    } catch {
      // NATS briefly away; the next tick records it.
    }
  }

  private lanesOf(partition: string): Array<[RunningConsumer, Lane]> {
    return this.consumers.flatMap((c) =>
      c.lanes.filter((l) => l.partition === partition).map((l): [RunningConsumer, Lane] => [c, l]),
    );
  }

  /**
   * Declares a handler's durable consumers (its lanes): the subject itself (`legacy`: events
   * published unpartitioned, by an older version or another client) and, for a partitioned
   * contract, one per partition when the handler keeps an order, one for all partitions otherwise.
   */
  private async addConsumer(
    contract: EventContract,
    handler: MessageHandler,
    options: ConsumerOptions,
  ): Promise<void> {
    const { namespace, options: messaging, manager } = this.connection;
    const stream = namespace.stream(contract.stream);
    // A lane of the contract (`<subject>.<lane>`) is read by consumers of its own.
    const subject = laneSubject(contract, options.lane);
    const durable = options.durable ?? namespace.durable(messaging.service, subject);
    const concurrency = options.concurrency ?? 64;
    const ackWaitMs = options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS;
    const ordered = options.orderBy !== undefined;
    if (options.skip && !contract.hints)
      throw new Error(`${durable}: skip reads header hints, and ${contract.subject} declares none`);
    await this.setup(() => ensureStreams(manager, namespace, [contract.stream, 'DLQ'], messaging));
    const lane = (partition: string | undefined, name: string, filter: string): Lane => {
      let signalStop!: () => void;
      const stopped = new Promise<void>((resolve) => (signalStop = resolve));
      return {
        partition,
        durable: name,
        filter: namespace.subject(filter),
        messages: undefined,
        loop: Promise.resolve(),
        stopping: false,
        signalStop,
        stopped,
        inFlight: 0,
        settledWaiters: [],
      };
    };
    const lanes = [lane(ordered ? 'legacy' : undefined, durable, options.filterSubject ?? subject)];
    if (contract.partitionBy && !options.filterSubject) {
      const count = partitionCount(contract.stream, messaging.partitions);
      if (ordered)
        for (let p = 0; p < count; p++) lanes.push(lane(String(p), `${durable}__p${p}`, `${subject}.${p}`));
      else lanes.push(lane(undefined, `${durable}__all`, `${subject}.*`));
    }
    const batch = Math.max(2, Math.ceil(concurrency / lanes.length));
    const maxAckPending = options.maxAckPending ?? Math.max(1000, batch * 4);
    for (const l of lanes)
      await this.setup(() => ensureConsumer(manager, stream, l.durable, l.filter, ackWaitMs, maxAckPending));
    this.consumers.push({
      name: durable,
      stream,
      contract,
      handler,
      options,
      ackWaitMs,
      batch,
      lanes,
      executor: new KeyedExecutor(concurrency),
      blocked: new Map(),
      held: new HeldMessages(Math.max(1000, ackWaitMs / 3)),
    });
  }

  /** Stops pulling a lane; resolves once its loop ended and its messages in flight are settled. */
  private async stopLane(lane: Lane): Promise<void> {
    lane.stopping = true;
    lane.signalStop();
    lane.messages?.stop();
    await lane.loop;
    if (lane.inFlight > 0) await new Promise<void>((resolve) => lane.settledWaiters.push(resolve));
    // Acked before its partition's lease can be released, so the next owner finds nothing pending.
    this.flushAcks();
  }

  /** Pulls a lane until it is stopped, coming back after NATS errors. */
  private startLane(c: RunningConsumer, lane: Lane): void {
    let signalStop!: () => void;
    lane.stopped = new Promise<void>((resolve) => (signalStop = resolve));
    lane.signalStop = signalStop;
    lane.stopping = false;
    lane.messages = undefined;
    const stopped = () => lane.stopping || this.closing;
    lane.loop = (async () => {
      while (!stopped()) {
        try {
          await this.pullLane(c, lane, stopped);
        } catch (error) {
          this.logger.error(`Consumer ${lane.durable} stopped: ${String(error)}; pulling again`);
        }
        if (!stopped()) await Promise.race([sleep(1_000), lane.stopped, this.closed]);
      }
    })();
  }

  private async pullLane(c: RunningConsumer, lane: Lane, stopped: () => boolean): Promise<void> {
    const { contract, handler, options, ackWaitMs, executor, blocked, held } = c;
    const consumer = await this.connection.jetstream.consumers.get(c.stream, lane.durable);
    let reconnects = this.connection.reconnects;
    await this.waitForHeldElsewhere(c, lane, consumer, 'first pull');
    if (stopped()) return;
    const poisonAfter = MAX_DELIVERIES + maxReleases(this.retryPolicy) + (options.maxDeferrals ?? 0);
    const settled = () => {
      lane.inFlight--;
      if (lane.inFlight === 0) lane.settledWaiters.splice(0).forEach((r) => r());
    };
    // Pull only what the handlers can take now, and hand each message over as it arrives: a
    // message left waiting in a client-side buffer gets no ack-wait heartbeat, so JetStream would
    // deliver it again meanwhile, and the copy would be handled twice and after later messages.
    while (!stopped()) {
      await Promise.race([executor.room(), lane.stopped, this.closed]);
      if (stopped()) return;
      if (this.connection.reconnects !== reconnects && options.orderBy) {
        // A NATS server killed and restarted may come back with older consumer state: messages it
        // had handed out (to a replica since gone) wait out their ack wait again, while those it
        // forgot it delivered go out at once, ahead of them. The same wait as a new owner's.
        reconnects = this.connection.reconnects;
        await this.waitForHeldElsewhere(c, lane, consumer, 'next pull after a reconnect');
        if (stopped()) return;
      }
      const messages = await consumer.fetch({
        max_messages: Math.max(1, Math.min(c.batch, executor.free)),
        expires: PULL_EXPIRES_MS,
      });
      lane.messages = messages;
      if (stopped()) messages.stop();
      for await (const msg of messages) {
        if (held.has(msg.seq)) continue;
        if (msg.redelivered) redeliveries.inc({ subject: contract.subject });
        const replayFor = msg.headers?.get(REPLAY_FOR_HEADER);
        if (replayFor && replayFor !== lane.durable) {
          // A dead letter of another consumer re-published for it alone.
          msg.ack();
          continue;
        }
        if (options.skip && options.skip(hintsOf(contract, msg))) {
          // Ignored by this consumer: acked now, so it holds no place and waits behind nothing.
          msg.ack();
          skipped.inc({ subject: contract.subject });
          continue;
        }
        const parsed = this.parse(contract, msg);
        if (!parsed.ok) {
          await this.deadLetter(contract, lane.durable, msg, parsed.error, parsed.raw);
          continue;
        }
        if (msg.info.deliveryCount > poisonAfter) {
          await this.deadLetter(
            contract,
            lane.durable,
            msg,
            `Delivered ${msg.info.deliveryCount} times without being acknowledged`,
            parsed.payload,
          );
          continue;
        }
        // Kept alive until the message is settled, even once the lane stops.
        held.hold(msg);
        lane.inFlight++;
        const key = options.orderBy ? (options.orderBy as (p: unknown) => string)(parsed.payload) : undefined;
        executor.enqueue(key, async () => {
          try {
            if (stopped()) {
              // The lane is handed over (or shutting down): left for the next owner (see leftOnStop).
              this.leftOnStop(lane.durable, key, msg, blocked, ackWaitMs);
              return;
            }
            if (key !== undefined && this.waitBehindBlocked(blocked, key, msg, ackWaitMs)) return;
            await this.process(
              contract,
              lane.durable,
              handler,
              msg,
              parsed.payload,
              options.maxAttempts ?? 5,
              {
                blocked,
                key: key ?? `#${msg.seq}`,
                ordered: key !== undefined,
                stopping: stopped,
                ackWaitMs,
              },
            );
          } finally {
            held.release(msg);
            settled();
          }
        });
      }
    }
  }

  /**
   * Deliveries a stopped (killed) replica or the partition's previous owner held come back after
   * the ack wait, and JetStream hands out redeliveries before new messages. Waiting that long
   * before pulling keeps a conversation's earlier message ahead of its later ones. The margin
   * covers the server's redelivery timer running late on a busy machine.
   */
  private async waitForHeldElsewhere(
    c: RunningConsumer,
    lane: Lane,
    consumer: Consumer,
    before: string,
  ): Promise<void> {
    this.flushAcks(); // settled here: not to be counted as held elsewhere
    const heldElsewhere = (await consumer.info()).num_ack_pending - lane.inFlight;
    if (heldElsewhere <= 0) return;
    const waitMs = c.ackWaitMs + TAKEOVER_MARGIN_MS;
    this.logger.log(
      `${lane.durable}: ${heldElsewhere} deliveries held elsewhere; ${before} in ${waitMs} ms to keep conversation order`,
    );
    await Promise.race([sleep(waitMs), this.closed, lane.stopped]);
  }

  /**
   * A later message of a conversation whose head was released goes back to JetStream until the
   * head is due again, so the conversation keeps its order. True when it was sent back.
   */
  private waitBehindBlocked(
    blocked: Map<string, Blocked>,
    key: string,
    msg: JsMsg,
    ackWaitMs: number,
  ): boolean {
    const b = blocked.get(key);
    if (!b || b.head === msg.seq || msg.seq < b.head) return false;
    const now = Date.now();
    // The head never came back here (another replica took it, or it was dropped): stop waiting for it.
    if (b.until && now > b.until + this.retryPolicy.inPlaceMs + 2 * ackWaitMs + 5_000) {
      blocked.delete(key);
      return false;
    }
    msg.nak(Math.max(b.until, now) - now + 1_000);
    return true;
  }

  private parse(
    contract: EventContract,
    msg: JsMsg,
  ): { ok: true; payload: unknown } | { ok: false; error: string; raw: unknown } {
    const text = decodeText(msg.data);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: 'Payload is not JSON', raw: text };
    }
    const result = contract.schema.safeParse(json);
    return result.success
      ? { ok: true, payload: result.data }
      : {
          ok: false,
          error: `Payload breaks the ${contract.subject} contract: ${formatIssues(result.error)}`,
          raw: json,
        };
  }

  private async process(
    contract: EventContract,
    durable: string,
    handler: MessageHandler,
    msg: JsMsg,
    payload: unknown,
    maxAttempts: number,
    conversation: {
      blocked: Map<string, Blocked>;
      key: string;
      ordered: boolean;
      stopping: () => boolean;
      ackWaitMs: number;
    },
  ): Promise<void> {
    const started = performance.now();
    const startedAt = Date.now();
    const ctx = new JetStreamContext(msg, contract.subject);
    const { blocked, key } = conversation;
    const settle = () => {
      if (blocked.get(key)?.head === msg.seq) blocked.delete(key);
    };
    for (let attempt = 1; ; attempt++) {
      ctx.attempt = attempt;
      try {
        await withConsumerSpan(
          `${contract.subject} process`,
          msg.headers,
          {
            'messaging.destination.name': contract.subject,
            'messaging.consumer.group.name': durable,
            'messaging.message.delivery_count': msg.info.deliveryCount,
          },
          async () => {
            const result: unknown = await handler(payload, ctx);
            if (isObservable(result)) await lastValueFrom(result.pipe(defaultIfEmpty(undefined)));
            // Inside the span: with LOG_LEVEL=debug every hop leaves a line with its trace id.
            this.logger.debug(`${contract.subject} handled (attempt ${attempt})`);
          },
        );
        this.ack(msg);
        settle();
        if (this.connection.options.handlingLog && conversation.ordered)
          this.recordHandling(durable, key, msg, startedAt, 'ok');
        handled.inc({ subject: contract.subject, outcome: 'ok' });
        handlerSeconds.observe({ subject: contract.subject }, (performance.now() - started) / 1000);
        return;
      } catch (error) {
        if (error instanceof DeferDelivery) {
          // Not a failure: back to JetStream until it can be handled, holding no place meanwhile.
          msg.nak(Math.max(0, Math.round(error.delayMs)));
          settle();
          if (this.connection.options.handlingLog && conversation.ordered)
            this.recordHandling(durable, key, msg, startedAt, 'deferred');
          handled.inc({ subject: contract.subject, outcome: 'deferred' });
          return;
        }
        const nonRetryable = error instanceof NonRetryableError;
        const transient = !nonRetryable && isTransientError(error);
        if (conversation.stopping()) {
          this.leftOnStop(
            durable,
            conversation.ordered ? key : undefined,
            msg,
            blocked,
            conversation.ackWaitMs,
          );
          return;
        }
        const decision = decideRetry(
          {
            transient,
            final: nonRetryable || isAppErrorFinal(error),
            attempt,
            maxAttempts,
            inPlaceElapsedMs: performance.now() - started,
            ageMs: Date.now() - msg.time.getTime(),
            deliveryCount: msg.info.deliveryCount,
          },
          this.retryPolicy,
        );
        if (decision.action === 'dead_letter') {
          const reason = decision.reason
            ? `${describeError(error)}; ${decision.reason}`
            : describeError(error);
          await this.deadLetter(contract, durable, msg, reason, payload);
          settle();
          handled.inc({ subject: contract.subject, outcome: 'dead_letter' });
          return;
        }
        const current = blocked.get(key);
        const since = current?.head === msg.seq ? current.since : Date.now();
        if (decision.action === 'release') {
          // Back to JetStream with a delay; the conversation stays blocked behind it until then.
          blocked.set(key, { head: msg.seq, since, until: Date.now() + decision.delayMs });
          handled.inc({ subject: contract.subject, outcome: 'released' });
          this.logger.warn(
            `${contract.subject} #${msg.seq} released for redelivery in ${Math.round(decision.delayMs / 1000)} s after ${attempt} attempts: ${describeError(error)}`,
          );
          msg.nak(decision.delayMs);
          if (this.connection.options.handlingLog && conversation.ordered)
            this.recordHandling(durable, key, msg, startedAt, 'released');
          return;
        }
        blocked.set(key, { head: msg.seq, since, until: 0 });
        handled.inc({ subject: contract.subject, outcome: 'retry' });
        this.logger.warn(
          `${contract.subject} attempt ${attempt} failed (${transient ? 'transient, retrying' : 'retrying'}): ${describeError(error)}`,
        );
        await sleep(decision.delayMs);
      }
    }
  }

  /**
   * A message of an ordered lane that stops before handling it is not nak'ed: it stops being kept
   * alive and comes back when its ack wait runs out, as a crashed replica's would. JetStream
   * redelivers in the order messages became due, and a nak is not sure to arrive (NATS may be the
   * reason the lane stopped): a later message of the conversation nak'ed after an earlier one's nak
   * was lost would come back first. Left alone, a conversation's messages run out in the order they
   * were delivered (HeldMessages refreshes them together), and the next owner waits out the ack
   * wait before its first pull anyway. Should this replica pull again first (a paused lane that
   * resumes), a later message of the conversation left waiting in the redelivery queue from an
   * earlier stop could still come before it: the conversation stays blocked behind it until it is
   * handled, as behind a released message.
   */
  private leftOnStop(
    durable: string,
    key: string | undefined,
    msg: JsMsg,
    blocked: Map<string, Blocked>,
    ackWaitMs: number,
  ): void {
    if (key === undefined) {
      msg.nak();
      return;
    }
    const current = blocked.get(key);
    if (!current || msg.seq < current.head)
      blocked.set(key, {
        head: msg.seq,
        since: current?.since ?? Date.now(),
        until: Date.now() + ackWaitMs + TAKEOVER_MARGIN_MS,
      });
    if (this.connection.options.handlingLog)
      this.recordHandling(durable, key, msg, Date.now(), 'left_on_stop');
  }

  private recordHandling(
    durable: string,
    key: string,
    msg: JsMsg,
    start: number,
    outcome: 'ok' | 'deferred' | 'released' | 'left_on_stop',
  ): void {
    this.handlingLog ??= createWriteStream(this.connection.options.handlingLog!, { flags: 'a' });
    const consumer = durable.replace(/__(p\d+|all)$/, '');
    // Wall-clock times (one clock for every process of the machine; each process's monotonic
    // performance.now() is anchored at its own start and drifts from the others').
    this.handlingLog.write(
      `${JSON.stringify({ replica: this.replicaId, consumer, key, seq: msg.seq, deliveries: msg.info.deliveryCount, start, end: Date.now(), outcome })}\n`,
    );
  }

  private async deadLetter(
    contract: EventContract,
    durable: string,
    msg: JsMsg,
    error: string,
    payload: unknown,
  ): Promise<void> {
    const { namespace, options, jetstream } = this.connection;
    const letter = deadLetterEnvelope({
      service: options.service,
      consumer: durable,
      subject: contract.subject,
      deliveredOn: namespace.strip(msg.subject),
      msgId: msg.headers?.get('Nats-Msg-Id'),
      streamSequence: msg.seq,
      deliveries: msg.info.deliveryCount,
      error,
      payload,
    });
    this.logger.error(`Dead-lettering ${contract.subject} #${msg.seq} for ${durable}: ${error}`);
    for (let attempt = 1; ; attempt++) {
      try {
        await jetstream.publish(
          namespace.subject(deadLetterSubject(options.service, contract.subject)),
          encodeJson(letter),
          { msgID: deadLetterMsgId(durable, msg.seq) },
        );
        break;
      } catch (publishError) {
        if (this.closing) {
          msg.nak();
          return;
        }
        await sleep(backoffMs(attempt));
        this.logger.warn(`Dead-letter publish failed, retrying: ${String(publishError)}`);
      }
    }
    deadLettered.inc({ subject: contract.subject });
    // No reason argument: nats-server 2.9 ignores a TERM that carries one (2.10.4+ accepts it),
    // which would leave the message pending and dead-letter it again after every ack wait.
    msg.term();
  }

  private startResponder(contract: RequestContract, handler: MessageHandler): void {
    const { namespace, options } = this.connection;
    const subscription = this.connection.nc.subscribe(namespace.subject(contract.subject), {
      queue: options.service,
      callback: (error, msg) => {
        if (!error) void this.answer(contract, handler, msg);
      },
    });
    this.subscriptions.push(subscription);
  }

  private async answer(contract: RequestContract, handler: MessageHandler, msg: Msg): Promise<void> {
    const respond = (envelope: ReplyEnvelope, outcome: string) => {
      requestsAnswered.inc({ subject: contract.subject, outcome });
      const h = natsHeaders();
      msg.respond(encodeJson(envelope), { headers: h });
    };
    const parent = extractTraceContext(msg.headers);
    await otelContext.with(parent, async () => {
      const span = trace
        .getTracer('messaging')
        .startSpan(`${contract.subject} handle`, { kind: SpanKind.SERVER });
      try {
        await otelContext.with(trace.setSpan(otelContext.active(), span), async () => {
          let json: unknown;
          try {
            json = JSON.parse(decodeText(msg.data));
          } catch {
            return respond(
              { ok: false, error: { code: 'invalid_input', message: 'Request is not JSON.' } },
              'invalid_input',
            );
          }
          const parsed = contract.request.safeParse(json);
          if (!parsed.success) {
            return respond(
              {
                ok: false,
                error: {
                  code: 'invalid_input',
                  message: formatIssues(parsed.error),
                  details: parsed.error.issues,
                },
              },
              'invalid_input',
            );
          }
          try {
            let result: unknown = await handler(parsed.data, undefined);
            if (isObservable(result)) result = await lastValueFrom(result.pipe(defaultIfEmpty(undefined)));
            respond({ ok: true, data: contract.response.parse(result) }, 'ok');
          } catch (error) {
            if (isAppError(error)) {
              respond(
                { ok: false, error: { code: error.code, message: error.message, details: error.details } },
                error.code,
              );
            } else if (isTransientError(error)) {
              respond(
                {
                  ok: false,
                  error: { code: 'unavailable', message: 'A dependency is unavailable; try again.' },
                },
                'unavailable',
              );
            } else {
              const errorId = randomUUID();
              this.logger.error(
                `Request ${contract.subject} failed (error id ${errorId}): ${describeError(error)}`,
                (error as Error)?.stack,
              );
              respond(
                { ok: false, error: { code: 'internal', message: `Internal error (error id ${errorId}).` } },
                'internal',
              );
            }
          }
        });
      } finally {
        span.end();
      }
    });
  }
}

/** An AppError other than `unavailable` is a decision, not a failure: retrying will not change it. */
function isAppErrorFinal(error: unknown): boolean {
  return error instanceof AppError && error.code !== 'unavailable' && error.code !== 'internal';
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The header hints a message carries, by the names its contract declares (absent: not set). */
function hintsOf(contract: EventContract, msg: JsMsg): Record<string, string | undefined> {
  const hints: Record<string, string | undefined> = {};
  for (const name of Object.keys(contract.hints ?? {}))
    hints[name] = msg.headers?.get(hintHeader(name)) || undefined;
  return hints;
}
