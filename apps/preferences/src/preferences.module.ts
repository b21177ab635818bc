import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import type { PreferencesConfig } from './config';

export const SERVICE_NAME = 'preferences';

export function preferencesPersistence(config: PreferencesConfig): PersistenceOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA ?? 'preferences',
    poolSize: config.DB_POOL_SIZE,
    entities: [],
    migrations,
  };
}

/** Members, notification switches, opt-out. */
@Module({})
export class PreferencesModule {
  static forRoot(config: PreferencesConfig): DynamicModule {
    return {
      module: PreferencesModule,
      imports: [
        MessagingModule.forRoot({
          service: SERVICE_NAME,
          natsUrl: config.NATS_URL,
          namespace: config.NATS_NAMESPACE,
          streamReplicas: config.NATS_STREAM_REPLICAS,
        }),
        PersistenceModule.forRoot(preferencesPersistence(config)),
      ],
    };
  }
}
