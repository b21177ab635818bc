import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import type { z } from 'zod';
import { DeliveryStatusReceived, InboundMessageReceived } from '@app/contracts';
import { ensureStreams, NatsConnectionService, storeEvent } from '@app/messaging';

type WebhookContract = typeof InboundMessageReceived | typeof DeliveryStatusReceived;

/**
 * The hot path's publisher: MessagingClient.publish minus the per-call zod parse and stream check.
 * The payloads are built field by field from checked webhook parameters, so they satisfy their
 * contract by construction (the mapper specs assert it); the INBOUND stream is declared at start.
 * It stores through the same storeEvent as MessagingClient, so traces and de-duplication match.
 *
 * The webhooks that arrive in one turn of the event loop are published together at its end
 * (setImmediate): the NATS client writes what was published in one synchronous run as one socket
 * write, instead of one write (a syscall, and a wake-up of nats-server) per webhook. Each still
 * resolves only on its own JetStream ack.
 */
@Injectable()
export class WebhookPublisher implements OnApplicationBootstrap {
  private pending: Array<() => void> = [];

  constructor(private readonly connection: NatsConnectionService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connection.connect();
    const { manager, namespace, options } = this.connection;
    await ensureStreams(manager, namespace, [InboundMessageReceived.stream], options);
  }

  /** Resolves once JetStream stored the event (or recognised its msg id as a duplicate). */
  publish<C extends WebhookContract>(
    contract: C,
    payload: z.infer<C['schema']>,
    msgId: string,
  ): Promise<{ duplicate: boolean }> {
    const ctx = context.active();
    return new Promise((resolve, reject) => {
      this.pending.push(() =>
        context.with(ctx, () => {
          storeEvent(this.connection, contract, payload, { msgId }).then(
            (ack) => resolve({ duplicate: ack.duplicate }),
            reject,
          );
        }),
      );
      if (this.pending.length === 1) setImmediate(this.flush);
    });
  }

  private readonly flush = (): void => {
    const batch = this.pending;
    this.pending = [];
    for (const start of batch) start();
  };
}
