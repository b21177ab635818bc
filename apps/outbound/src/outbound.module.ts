import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, persistenceOptions, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import { OUTBOUND_CONFIG, type OutboundConfig } from './config';
import { DeliveryStatusModule } from './delivery-status/delivery-status.module';
import { SendEntity } from './sends/send.entity';
import { SendsModule } from './sends/sends.module';
import { ConversationWindowEntity } from './windows/conversation-window.entity';
import { WindowsModule } from './windows/windows.module';

export const SERVICE_NAME = 'outbound';

export function outboundPersistence(config: OutboundConfig): PersistenceOptions {
  return persistenceOptions(SERVICE_NAME, config, {
    entities: [SendEntity, ConversationWindowEntity],
    migrations,
  });
}

/** The validated config, for every feature module. */
@Global()
@Module({})
class OutboundConfigModule {
  static forRoot(config: OutboundConfig): DynamicModule {
    return {
      module: OutboundConfigModule,
      providers: [{ provide: OUTBOUND_CONFIG, useValue: config }],
      exports: [OUTBOUND_CONFIG],
    };
  }
}

/** Send requests, 24-hour windows, the Twilio REST calls. */
@Module({})
export class OutboundModule {
  static forRoot(config: OutboundConfig): DynamicModule {
    return {
      module: OutboundModule,
      imports: [
        OutboundConfigModule.forRoot(config),
        MessagingModule.forService(SERVICE_NAME, config),
        PersistenceModule.forRoot(outboundPersistence(config)),
        WindowsModule,
        SendsModule,
        DeliveryStatusModule,
      ],
    };
  }
}
