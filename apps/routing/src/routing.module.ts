import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, persistenceOptions, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import type { RoutingConfig } from './config';
import { InboundModule } from './inbound/inbound.module';
import { PhoneNumberEntity } from './phone-numbers/phone-number.entity';
import { PhoneNumbersModule } from './phone-numbers/phone-numbers.module';
import { WorkspaceEntity } from './workspaces/workspace.entity';
import { WorkspacesModule } from './workspaces/workspaces.module';

export const SERVICE_NAME = 'routing';

export function routingPersistence(config: RoutingConfig): PersistenceOptions {
  return persistenceOptions(SERVICE_NAME, config, {
    entities: [WorkspaceEntity, PhoneNumberEntity],
    migrations,
  });
}

/** Workspaces, features, phone numbers; routes inbound messages. */
@Module({})
export class RoutingModule {
  static forRoot(config: RoutingConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        MessagingModule.forService(SERVICE_NAME, config),
        PersistenceModule.forRoot(routingPersistence(config)),
        WorkspacesModule,
        PhoneNumbersModule,
        InboundModule,
      ],
    };
  }
}
