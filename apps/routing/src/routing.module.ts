import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import type { RoutingConfig } from './config';
import { InboundModule } from './inbound/inbound.module';
import { PhoneNumberEntity } from './phone-numbers/phone-number.entity';
import { PhoneNumbersModule } from './phone-numbers/phone-numbers.module';
import { WorkspaceEntity } from './workspaces/workspace.entity';
import { WorkspacesModule } from './workspaces/workspaces.module';

export const SERVICE_NAME = 'routing';

export function routingPersistence(config: RoutingConfig): PersistenceOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA ?? 'routing',
    poolSize: config.DB_POOL_SIZE,
    entities: [WorkspaceEntity, PhoneNumberEntity],
    migrations,
  };
}

/** Workspaces, features, phone numbers; routes inbound messages. */
@Module({})
export class RoutingModule {
  static forRoot(config: RoutingConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        MessagingModule.forRoot({
          service: SERVICE_NAME,
          natsUrl: config.NATS_URL,
          namespace: config.NATS_NAMESPACE,
          streamReplicas: config.NATS_STREAM_REPLICAS,
        }),
        PersistenceModule.forRoot(routingPersistence(config)),
        WorkspacesModule,
        PhoneNumbersModule,
        InboundModule,
      ],
    };
  }
}
