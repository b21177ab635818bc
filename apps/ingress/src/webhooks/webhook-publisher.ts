import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { z } from 'zod';
import { DeliveryStatusReceived, InboundMessageReceived } from '@app/contracts';
import { ensureStreams, NatsConnectionService, storeEvent } from '@app/messaging';

type WebhookContract = typeof InboundMessageReceived | typeof DeliveryStatusReceived;

/**
 * The hot path's publisher: MessagingClient.publish minus the per-call zod parse and stream check.
 * The payloads are built field by field from checked webhook parameters, so they satisfy their
 * contract by construction (the mapper specs assert it); the INBOUND stream is declared at start.
 * It stores through the same storeEvent as MessagingClient, so traces and de-duplication match.
 */
@Injectable()
export class WebhookPublisher implements OnApplicationBootstrap {
  constructor(private readonly connection: NatsConnectionService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connection.connect();
    const { manager, namespace, options } = this.connection;
    await ensureStreams(manager, namespace, [InboundMessageReceived.stream], options);
  }

  /** Resolves once JetStream stored the event (or recognised its msg id as a duplicate). */
  async publish<C extends WebhookContract>(
    contract: C,
    payload: z.infer<C['schema']>,
    msgId: string,
  ): Promise<{ duplicate: boolean }> {
    const ack = await storeEvent(this.connection, contract, payload, { msgId });
    return { duplicate: ack.duplicate };
  }
}
