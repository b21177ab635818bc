import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server, type MessageHandler } from '@nestjs/microservices';
import { headers as natsHeaders, type Msg, type Subscription } from '@nats-io/transport-node';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { SpanKind } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import { lastValueFrom, isObservable, defaultIfEmpty } from 'rxjs';
import {
  AppError,
  deadLetterSubject,
  formatIssues,
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
import { backoffMs, isTransientError, NonRetryableError, sleep } from './retry';
import { ensureConsumer, ensureStreams, ownedStreams } from './streams';
import { extractTraceContext, withConsumerSpan } from './tracing';
import { context as otelContext, trace } from '@opentelemetry/api';

const handled = counter('messaging_handled_total', 'Events handled, by outcome', ['subject', 'outcome']);
const redeliveries = counter('messaging_redeliveries_total', 'Events JetStream delivered more than once', [
  'subject',
]);
const deadLettered = counter('messaging_dead_lettered_total', 'Events moved to the dead-letter subject', [
  'subject',
]);
const handlerSeconds = histogram('messaging_handler_seconds', 'Time to handle one event, retries included', [
  'subject',
]);
const consumerLag = gauge('messaging_consumer_pending', 'Messages waiting in a durable consumer (lag)', [
  'consumer',
]);
const requestsAnswered = counter('messaging_requests_total', 'Requests answered, by outcome', [
  'subject',
  'outcome',
]);

/**
 * How long JetStream waits for an ack before redelivering. Short, because it is also how soon a
 * crashed replica's messages come back; handlers that run longer send `working()` heartbeats.
 */
const DEFAULT_ACK_WAIT_MS = 5_000;

/** A delivery that crashed its consumer this many times is poison: dead-letter it instead of crashing again. */
const MAX_DELIVERIES = 20;

interface RunningConsumer {
  name: string;
  stream: string;
  /** Undefined until the first pull (a replica may pause first, see startConsumer). */
  messages: ConsumerMessages | undefined;
  executor: KeyedExecutor;
  loop: Promise<void>;
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

  constructor(private readonly connection: NatsConnectionService) {
    super();
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
      await ensureStreams(manager, namespace, ownedStreams(options.service), options);
      for (const [pattern, handler] of this.getHandlers()) {
        const contract = handler.extras?.[CONTRACT] as EventContract | RequestContract | undefined;
        if (!contract) throw new Error(`Handler for ${pattern} must use @OnEvent or @OnRequest`);
        if (handler.isEventHandler && contract.kind === 'event') {
          await this.startConsumer(
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
    // Stop taking new work, then let what is in flight finish (bounded by the shutdown timeout).
    await Promise.all(this.subscriptions.map((s) => s.drain().catch(() => undefined)));
    for (const c of this.consumers) c.messages?.stop();
    await Promise.all(this.consumers.map((c) => Promise.all([c.loop, c.executor.idle()])));
  }

  /** Pending messages per consumer, for readiness checks and the lag metric. */
  async pending(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const c of this.consumers) {
      const info = await this.connection.manager.consumers.info(c.stream, c.name);
      out[c.name] = info.num_pending + info.num_ack_pending;
    }
    return out;
  }

  private async recordLag(): Promise<void> {
    try {
      for (const [name, value] of Object.entries(await this.pending()))
        consumerLag.set({ consumer: name }, value);
    } catch {
      // NATS briefly away; the next tick records it.
    }
  }

  private async startConsumer(
    contract: EventContract,
    handler: MessageHandler,
    options: ConsumerOptions,
  ): Promise<void> {
    const { namespace, options: messaging, manager, jetstream } = this.connection;
    const stream = namespace.stream(contract.stream);
    const durable = options.durable ?? namespace.durable(messaging.service, contract.subject);
    const concurrency = options.concurrency ?? 64;
    const ackWaitMs = options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS;
    await ensureStreams(manager, namespace, [contract.stream, 'DLQ'], messaging);
    await ensureConsumer(
      manager,
      stream,
      durable,
      namespace.subject(options.filterSubject ?? contract.subject),
      ackWaitMs,
      Math.max(1000, concurrency * 4),
    );
    const consumer = await jetstream.consumers.get(stream, durable);
    // Deliveries a stopped (killed) replica held come back after the ack wait, and JetStream
    // hands out redeliveries before new messages. Waiting that long before the first pull keeps a
    // conversation's earlier message ahead of its later ones after a crash.
    const held = (await consumer.info()).num_ack_pending;
    const executor = new KeyedExecutor(concurrency);
    const inFlight = new Set<number>();
    const running: RunningConsumer = {
      name: durable,
      stream,
      messages: undefined,
      executor,
      loop: Promise.resolve(),
    };
    this.consumers.push(running);

    running.loop = (async () => {
      if (held > 0) {
        this.logger.log(
          `${durable}: ${held} deliveries held elsewhere; first pull in ${ackWaitMs} ms to keep conversation order`,
        );
        await Promise.race([sleep(ackWaitMs + 250), this.closed]);
      }
      if (this.closing) return;
      const messages = await consumer.consume({ max_messages: concurrency });
      running.messages = messages;
      for await (const msg of messages) {
        // A redelivery of a message this replica is still working on: the first delivery will ack.
        if (inFlight.has(msg.seq)) continue;
        if (msg.redelivered) redeliveries.inc({ subject: contract.subject });
        const parsed = this.parse(contract, msg);
        if (!parsed.ok) {
          await this.deadLetter(contract, durable, msg, parsed.error, parsed.raw);
          continue;
        }
        if (msg.info.deliveryCount > MAX_DELIVERIES) {
          await this.deadLetter(
            contract,
            durable,
            msg,
            `Delivered ${msg.info.deliveryCount} times without being acknowledged`,
            parsed.payload,
          );
          continue;
        }
        inFlight.add(msg.seq);
        const heartbeat = setInterval(() => msg.working(), Math.max(1000, ackWaitMs / 3));
        heartbeat.unref();
        const key = options.orderBy ? (options.orderBy as (p: unknown) => string)(parsed.payload) : undefined;
        await executor.submit(key, async () => {
          try {
            await this.process(contract, durable, handler, msg, parsed.payload, options.maxAttempts ?? 5);
          } finally {
            clearInterval(heartbeat);
            inFlight.delete(msg.seq);
          }
        });
      }
    })().catch((error) => this.logger.error(`Consumer ${durable} stopped: ${String(error)}`));
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
  ): Promise<void> {
    const started = performance.now();
    const ctx = new JetStreamContext(msg, contract.subject);
    for (let attempt = 1; ; attempt++) {
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
        msg.ack();
        handled.inc({ subject: contract.subject, outcome: 'ok' });
        handlerSeconds.observe({ subject: contract.subject }, (performance.now() - started) / 1000);
        return;
      } catch (error) {
        const transient = !(error instanceof NonRetryableError) && isTransientError(error);
        const retryable =
          transient ||
          (!(error instanceof NonRetryableError) && !isAppErrorFinal(error) && attempt < maxAttempts);
        if (this.closing) {
          // Let another replica (or this one after restart) take it.
          msg.nak();
          return;
        }
        if (!retryable) {
          await this.deadLetter(contract, durable, msg, describeError(error), payload);
          handled.inc({ subject: contract.subject, outcome: 'dead_letter' });
          return;
        }
        handled.inc({ subject: contract.subject, outcome: 'retry' });
        this.logger.warn(
          `${contract.subject} attempt ${attempt} failed (${transient ? 'transient, retrying' : 'retrying'}): ${describeError(error)}`,
        );
        await sleep(backoffMs(attempt, 100, transient ? 5_000 : 2_000));
      }
    }
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
