import { database } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { loadRoutingConfig } from './config';
import { InboundModule } from './inbound/inbound.module';
import { migrations } from './migrations';
import { PhoneNumberEntity } from './phone-numbers/phone-number.entity';
import { PhoneNumbersModule } from './phone-numbers/phone-numbers.module';
import { WorkspaceEntity } from './workspaces/workspace.entity';
import { WorkspacesModule } from './workspaces/workspaces.module';
import { SandboxModule } from './sandbox/sandbox.module';

/** Workspaces, features, phone numbers; routes inbound messages. */
export const routingService = defineService('routing', {
  loadConfig: loadRoutingConfig,
  database: database({ entities: [WorkspaceEntity, PhoneNumberEntity], migrations }),
  modules: [WorkspacesModule, PhoneNumbersModule, SandboxModule, InboundModule],
});

/** Starts the routing service from environment variables (validated first). */
export const startRouting = (env?: Env) => startService(routingService, env);
