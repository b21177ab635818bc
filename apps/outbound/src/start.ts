import { migrateSchema } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { loadOutboundConfig } from './config';
import { OutboundModule, SERVICE_NAME, outboundPersistence } from './outbound.module';

export const outboundService = defineService({
  name: SERVICE_NAME,
  loadConfig: loadOutboundConfig,
  module: (config) => OutboundModule.forRoot(config),
  migrate: (config) => migrateSchema(outboundPersistence(config)),
});

/** Starts the outbound service from environment variables (validated first). */
export const startOutbound = (env?: Env) => startService(outboundService, env);
