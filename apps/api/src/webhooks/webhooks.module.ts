import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entities';
import { CreateWebhook, DeleteWebhook, UpdateWebhook } from './manage-webhooks.usecase';
import { RecordWebhookEvent } from './record-webhook-event.usecase';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhooksController } from './webhooks.controller';
import { WebhooksHandlers } from './webhooks.handlers';
import { WebhooksStore } from './webhooks.store';

/** Outgoing webhooks: endpoints (REST), the outbox filled from chat activity, the signed delivery with retries. */
@Module({
  imports: [PersistenceModule.forFeature([WebhookEndpointEntity, WebhookDeliveryEntity])],
  controllers: [WebhooksController, WebhooksHandlers],
  providers: [
    WebhooksStore,
    CreateWebhook,
    UpdateWebhook,
    DeleteWebhook,
    RecordWebhookEvent,
    WebhookDispatcher,
  ],
})
export class WebhooksModule {}
