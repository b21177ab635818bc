import { Injectable, Logger } from '@nestjs/common';
import type { ChatActivity } from '@app/contracts';
import type { WebhookEventBody } from './webhook.view';
import { WebhooksStore } from './webhooks.store';

/**
 * A chat or message event becomes one outbox row per endpoint that wants it (ChatActivity's
 * durable consumer). The event id is the activity's Nats-Msg-Id (or its stream sequence), so a
 * redelivery writes nothing new and the receiver can drop a repeated delivery by `id`.
 */
@Injectable()
export class RecordWebhookEvent {
  private readonly logger = new Logger('Webhooks');

  constructor(private readonly store: WebhooksStore) {}

  async execute(command: { activity: ChatActivity; eventId: string }): Promise<void> {
    const { activity, eventId } = command;
    const body: WebhookEventBody = {
      id: eventId,
      type: activity.type,
      workspaceId: activity.workspaceId,
      occurredAt: activity.at,
      data: { chat: activity.chat, message: activity.message },
    };
    const added = await this.store.enqueue({
      workspaceId: activity.workspaceId,
      eventId,
      type: activity.type,
      payload: body,
    });
    if (added)
      this.logger.log(
        `Queued ${activity.type} for ${added} webhook endpoint(s) of workspace ${activity.workspaceId}`,
      );
  }
}
