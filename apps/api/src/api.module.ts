import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import type { ApiConfig } from './config';

export const SERVICE_NAME = 'api';

export function apiPersistence(config: ApiConfig): PersistenceOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA ?? 'api',
    poolSize: config.DB_POOL_SIZE,
    entities: [],
    migrations,
  };
}

/** Public REST API (/v1) with workspace-scoped keys. */
@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        MessagingModule.forRoot({
          service: SERVICE_NAME,
          natsUrl: config.NATS_URL,
          namespace: config.NATS_NAMESPACE,
          streamReplicas: config.NATS_STREAM_REPLICAS,
        }),
        PersistenceModule.forRoot(apiPersistence(config)),
      ],
    };
  }
}
