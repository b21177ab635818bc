import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import type { OutboundConfig } from './config';

export const SERVICE_NAME = 'outbound';

export function outboundPersistence(config: OutboundConfig): PersistenceOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA ?? 'outbound',
    poolSize: config.DB_POOL_SIZE,
    entities: [],
    migrations,
  };
}

/** Send requests, 24-hour windows, the Twilio REST calls. */
@Module({})
export class OutboundModule {
  static forRoot(config: OutboundConfig): DynamicModule {
    return {
      module: OutboundModule,
      imports: [
        MessagingModule.forRoot({
          service: SERVICE_NAME,
          natsUrl: config.NATS_URL,
          namespace: config.NATS_NAMESPACE,
          streamReplicas: config.NATS_STREAM_REPLICAS,
        }),
        PersistenceModule.forRoot(outboundPersistence(config)),
      ],
    };
  }
}
