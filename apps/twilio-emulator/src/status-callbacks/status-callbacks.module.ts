import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DeliveryLifecycle } from './delivery-lifecycle.service';

/** Message status progression and signed status callbacks. */
@Module({ imports: [WebhooksModule], providers: [DeliveryLifecycle], exports: [DeliveryLifecycle] })
export class StatusCallbacksModule {}
