import { database } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { loadOutboundConfig, OUTBOUND_CONFIG } from './config';
import { DeliveryStatusModule } from './delivery-status/delivery-status.module';
import { ErasureModule } from './erasure/erasure.module';
import { migrations } from './migrations';
import { SendEntity } from './sends/send.entity';
import { SendsModule } from './sends/sends.module';
import { ConversationWindowEntity } from './windows/conversation-window.entity';
import { TypingModule } from './typing/typing.module';
import { WindowsModule } from './windows/windows.module';

/** Send requests, 24-hour windows, the Twilio REST calls. */
export const outboundService = defineService('outbound', {
  loadConfig: loadOutboundConfig,
  configToken: OUTBOUND_CONFIG,
  database: database({ entities: [SendEntity, ConversationWindowEntity], migrations }),
  modules: [WindowsModule, SendsModule, DeliveryStatusModule, ErasureModule, TypingModule],
});

/** Starts the outbound service from environment variables (validated first). */
export const startOutbound = (env?: Env) => startService(outboundService, env);
