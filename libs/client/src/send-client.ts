import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { context, propagation } from '@opentelemetry/api';
import type { z } from 'zod';
import {
  AppError,
  ERROR_CODES,
  GetSendRecord,
  Send,
  SendRequested,
  sendMsgId,
  type ErrorCode,
  type RequestContract,
  type SendResult,
} from '@app/contracts';

/** What a send names (see SendRequest in @app/contracts): defaults such as origin.ref may be left out. */
export type SendInput = z.input<typeof SendRequested.schema>;
export type SendRecord = z.infer<typeof GetSendRecord.response>;

export interface SendClientOptions {
  /** NATS_NAMESPACE of the installation ('' when none): every subject is prefixed with it. */
  namespace?: string;
  /** How long a request waits for its answer (default 5 s). */
  timeoutMs?: number;
}

export interface ConnectOptions extends SendClientOptions {
  /** NATS servers, e.g. nats://127.0.0.1:4222 (default). */
  servers?: string | string[];
  /** The connection name NATS shows (default `twilio-agents-client`). */
  name?: string;
  user?: string;
  pass?: string;
  token?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
type Reply =
  { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };

/**
 * Sends messages through outbound over NATS, as any internal service should: the namespaced
 * subject, the payload checked against the contract before it leaves, the W3C trace context in the
 * headers, and on JetStream the de-duplication id `<workspaceId>:<idempotencyKey>` (sendMsgId).
 */
export class SendClient {
  private readonly js: JetStreamClient;

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: SendClientOptions = {},
  ) {
    this.js = jetstream(nc);
  }

  /** Connects to NATS; close() closes the connection again. */
  static async connect(options: ConnectOptions = {}): Promise<SendClient> {
    const nc = await connect({
      servers: options.servers ?? 'nats://127.0.0.1:4222',
      name: options.name ?? 'twilio-agents-client',
      user: options.user,
      pass: options.pass,
      token: options.token,
    });
    return new SendClient(nc, options);
  }

  /** The subject on the wire: the contract's subject under the namespace. */
  subject(subject: string): string {
    return this.options.namespace ? `${this.options.namespace}.${subject}` : subject;
  }

  /**
   * Fire-and-forget, durable: resolves once JetStream stored the request (outbound sends it even if
   * it is down right now). The same idempotency key in the same workspace is stored once
   * (`duplicate: true` the second time within JetStream's window, and outbound sends it once ever).
   */
  async enqueue(request: SendInput): Promise<{ msgId: string; duplicate: boolean; seq: number }> {
    const data = SendRequested.schema.parse(request);
    const msgId = sendMsgId(data);
    const ack = await this.js.publish(
      // Bulk sends (kind system unless lane says otherwise) under their own subject: outbound's bulk lane.
      this.subject(
        [SendRequested.subject, SendRequested.laneOf?.(data)].filter((s) => s !== undefined).join('.'),
      ),
      encoder.encode(JSON.stringify(data)),
      {
        msgID: msgId,
        headers: this.traceHeaders(),
      },
    );
    return { msgId, duplicate: ack.duplicate, seq: ack.seq };
  }

  /** Sends and answers { id, status, reason } once outbound ran its checks. Throws AppError (e.g. not_found). */
  send(request: SendInput): Promise<SendResult> {
    return this.request(Send, request);
  }

  /** One send with its current status (queued, sent, delivered, failed...). */
  get(workspaceId: string, sendId: string): Promise<SendRecord> {
    return this.request(GetSendRecord, { workspaceId, sendId });
  }

  async close(): Promise<void> {
    await this.nc.drain();
  }

  private async request<C extends RequestContract>(
    contract: C,
    payload: z.input<C['request']>,
  ): Promise<z.infer<C['response']>> {
    const data = contract.request.parse(payload);
    let reply;
    try {
      reply = await this.nc.request(this.subject(contract.subject), encoder.encode(JSON.stringify(data)), {
        timeout: this.options.timeoutMs ?? 5_000,
        headers: this.traceHeaders(),
      });
    } catch (error) {
      const text = String(error);
      if (/no responders|timeout/i.test(text))
        throw new AppError(
          'unavailable',
          `The service answering ${contract.subject} is not answering (${text}).`,
        );
      throw error;
    }
    const envelope = JSON.parse(decoder.decode(reply.data)) as Reply;
    if (!envelope.ok) {
      const known = (ERROR_CODES as readonly string[]).includes(envelope.error.code);
      throw new AppError(
        known ? (envelope.error.code as ErrorCode) : 'internal',
        envelope.error.message,
        envelope.error.details,
      );
    }
    return contract.response.parse(envelope.data) as z.infer<C['response']>;
  }

  private traceHeaders() {
    const h = natsHeaders();
    propagation.inject(context.active(), h, { set: (carrier, key, value) => carrier.set(key, value) });
    return h;
  }
}
