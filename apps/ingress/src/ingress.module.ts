import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import type { IngressConfig } from './config';
import { WebhooksModule } from './webhooks/webhooks.module';

export const SERVICE_NAME = 'ingress';

/** Twilio edge: validates webhooks and makes them durable on JetStream. */
@Module({})
export class IngressModule {
  static forRoot(config: IngressConfig): DynamicModule {
    return {
      module: IngressModule,
      imports: [MessagingModule.forService(SERVICE_NAME, config), WebhooksModule.forRoot(config)],
    };
  }
}
