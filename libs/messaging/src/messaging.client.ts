import { Injectable } from '@nestjs/common';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';
import type { PubAck } from '@nats-io/jetstream';
import { SpanKind } from '@opentelemetry/api';
import { z } from 'zod';
import {
  AppError,
  ERROR_CODES,
  type ErrorCode,
  type EventContract,
  hintHeader,
  type RequestContract,
  type StreamName,
} from '@app/contracts';
import { decodeText, encodeJson, type ReplyEnvelope } from './codec';
import { NatsConnectionService } from './nats-connection';
import { publishSubject } from './partitions';
import { ensureStreams } from './streams';
import { injectTraceContext, withSpan } from './tracing';
import { counter } from '@app/telemetry';

const published = counter('messaging_published_total', 'Events published to JetStream', [
  'subject',
  'duplicate',
]);

/** A hint fit for a header (printable ASCII, short); any other is left out, so its consumers decode the event. */
const HINT_VALUE = /^[\x20-\x7e]{1,200}$/;

export interface PublishOptions {
  /** JetStream de-duplication key (Nats-Msg-Id): publishing the same id twice stores one message. */
  msgId: string;
  headers?: Record<string, string>;
  /**
   * A subject below the contract's (`chat.activity.<workspaceId>`), for events whose readers
   * filter by a token; when absent, the contract's subject (`<subject>.<partition>` for a
   * partitioned contract).
   */
  subject?: string;
}

/**
 * Stores an event in JetStream under its publish span, with the trace context and its Nats-Msg-Id:
 * the one way events leave a service (MessagingClient after its checks, ingress's hot path without).
 */
export async function storeEvent(
  connection: NatsConnectionService,
  contract: EventContract,
  data: unknown,
  options: PublishOptions,
): Promise<PubAck> {
  const subject = connection.namespace.subject(
    options.subject ?? publishSubject(contract, data, connection.options.partitions),
  );
  return withSpan(
    `${contract.subject} publish`,
    SpanKind.PRODUCER,
    { 'messaging.destination.name': contract.subject },
    async () => {
      const h = natsHeaders();
      for (const [k, v] of Object.entries(options.headers ?? {})) h.set(k, v);
      for (const [name, hint] of Object.entries(contract.hints ?? {})) {
        const value = hint(data);
        if (value && HINT_VALUE.test(value)) h.set(hintHeader(name), value);
      }
      injectTraceContext(h);
      return connection.jetstream.publish(subject, encodeJson(data), { msgID: options.msgId, headers: h });
    },
  );
}

/** Publishes events durably and asks other services questions. Validates both ways. */
@Injectable()
export class MessagingClient {
  private readonly declared = new Set<StreamName>();

  constructor(private readonly connection: NatsConnectionService) {}

  /**
   * Publishes an event and resolves once JetStream has stored it (or recognised it as a duplicate).
   * Throws if the payload breaks the contract: a publisher's bug, never sent.
   */
  async publish<C extends EventContract>(
    contract: C,
    payload: z.input<C['schema']>,
    options: PublishOptions,
  ): Promise<{ duplicate: boolean; seq: number }> {
    const data = contract.schema.parse(payload);
    await this.declareStream(contract.stream);
    if (options.subject !== undefined && !options.subject.startsWith(`${contract.subject}.`))
      throw new Error(`A ${contract.subject} event cannot be published on ${options.subject}`);
    const ack = await storeEvent(this.connection, contract, data, options);
    published.inc({ subject: contract.subject, duplicate: String(ack.duplicate) });
    return { duplicate: ack.duplicate, seq: ack.seq };
  }

  /** Asks the owning service and returns its validated answer, or throws its AppError. */
  async request<C extends RequestContract>(
    contract: C,
    payload: z.input<C['request']>,
    options: { timeoutMs?: number } = {},
  ): Promise<z.infer<C['response']>> {
    const data = contract.request.parse(payload);
    const subject = this.connection.namespace.subject(contract.subject);
    return withSpan(
      `${contract.subject} request`,
      SpanKind.CLIENT,
      { 'messaging.destination.name': contract.subject },
      async () => {
        const h: MsgHdrs = natsHeaders();
        injectTraceContext(h);
        let reply;
        try {
          reply = await this.connection.nc.request(subject, encodeJson(data), {
            timeout: options.timeoutMs ?? 5_000,
            headers: h,
          });
        } catch (error) {
          const name = (error as Error).name;
          if (name === 'NoRespondersError' || /no responders/i.test(String(error))) {
            throw new AppError('unavailable', `The service answering ${contract.subject} is not running.`);
          }
          if (name === 'TimeoutError' || /timeout/i.test(String(error))) {
            throw new AppError(
              'unavailable',
              `The service answering ${contract.subject} did not answer in time.`,
            );
          }
          throw error;
        }
        const envelope = JSON.parse(decodeText(reply.data)) as ReplyEnvelope;
        if (!envelope.ok) {
          const code: ErrorCode = (ERROR_CODES as readonly string[]).includes(envelope.error.code)
            ? (envelope.error.code as ErrorCode)
            : 'internal';
          throw new AppError(code, envelope.error.message, envelope.error.details);
        }
        return contract.response.parse(envelope.data) as z.infer<C['response']>;
      },
    );
  }

  private async declareStream(name: StreamName): Promise<void> {
    if (this.declared.has(name)) return;
    await this.connection.connect();
    const { namespace, options } = this.connection;
    await ensureStreams(this.connection.manager, namespace, [name], options);
    this.declared.add(name);
  }
}
