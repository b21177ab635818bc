import { migrateSchema } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { loadRoutingConfig } from './config';
import { RoutingModule, SERVICE_NAME, routingPersistence } from './routing.module';

export const routingService = defineService({
  name: SERVICE_NAME,
  loadConfig: loadRoutingConfig,
  module: (config) => RoutingModule.forRoot(config),
  migrate: (config) => migrateSchema(routingPersistence(config)),
});

/** Starts the routing service from environment variables (validated first). */
export const startRouting = (env?: Env) => startService(routingService, env);
