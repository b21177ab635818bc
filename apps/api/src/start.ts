import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { database } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import { ChatsModule } from './chats/chats.module';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';
import { EventRulesModule } from './event-rules/event-rules.module';
import { EventsModule } from './events/events.module';
import { ServiceClientModule } from './http/http.module';
import { MembersModule } from './members/members.module';
import { MessagesModule } from './messages/messages.module';
import { migrations } from './migrations';
import { PhoneNumbersModule } from './phone-numbers/phone-numbers.module';
import { RoutinesModule } from './routines/routines.module';
import { SessionEntity } from './sessions/session.entity';
import { SessionsModule } from './sessions/sessions.module';
import { StreamModule } from './stream/stream.module';
import { UserEntity } from './users/user.entity';
import { UsersModule } from './users/users.module';
import { WorkflowsModule } from './workflows/workflows.module';
import { WorkspacesModule } from './workspaces/workspaces.module';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhooks/webhook.entities';
import { WebhooksModule } from './webhooks/webhooks.module';
import { CallerIdentifier } from './auth/identify-caller';
import { callerKey, installRequestGate } from './auth/request-gate';
import { API_CONFIG, loadApiConfig, type ApiConfig } from './config';
import { findConsoleDir, serveConsole } from './console/serve-console';
import { setupDocs } from './docs/docs';
import { ApiErrorFilter } from './http/api-error.filter';
import { registerBodyParsers } from './http/body-parsers';
import { registerEdgeLimits } from './rate-limits/edge-limits';
import { RateLimits } from './rate-limits/rate-limits';

/** The api's own tables: keys, users, sessions (also opened by `main.js user:create`). */
export const apiDatabase = database({
  entities: [ApiKeyEntity, UserEntity, SessionEntity, WebhookEndpointEntity, WebhookDeliveryEntity],
  migrations,
});

/** Public REST API (/v1) with workspace-scoped keys, users and sessions; the console. */
export const apiService = defineService('api', {
  loadConfig: loadApiConfig,
  configToken: API_CONFIG,
  database: apiDatabase,
  modules: [
    ServiceClientModule,
    ApiKeysModule,
    AuthModule,
    UsersModule,
    SessionsModule,
    WorkspacesModule,
    PhoneNumbersModule,
    MembersModule,
    WorkflowsModule,
    ChatsModule,
    MessagesModule,
    EventRulesModule,
    EventsModule,
    RoutinesModule,
    StreamModule,
    WebhooksModule,
    DiagnosticsModule,
  ],
  http: (config) => ({
    bodyLimit: config.API_BODY_LIMIT_BYTES,
    configure: (app) => configureHttp(app, config),
  }),
});

/** Starts the api service from environment variables (validated first). */
export const startApi = (env?: Env) => startService(apiService, env);

async function configureHttp(app: NestFastifyApplication, config: ApiConfig): Promise<void> {
  // Registered after the runtime's generic filter, so it answers first for every route.
  app.useGlobalFilters(new ApiErrorFilter());
  const fastify = app.getHttpAdapter().getInstance();
  registerBodyParsers(app, { bodyLimit: config.API_BODY_LIMIT_BYTES, yamlRoutes: ['/v1/workflows'] });
  const limits = app.get(RateLimits);
  const edge = await registerEdgeLimits(
    fastify,
    limits.store,
    {
      windowMs: config.API_RATE_LIMIT_WINDOW_MS,
      perAddress: config.API_RATE_LIMIT_PER_ADDRESS,
      perCaller: config.API_RATE_LIMIT_PER_KEY,
    },
    callerKey,
  );
  installRequestGate(fastify, { identifier: app.get(CallerIdentifier), limits, edge });
  setupDocs(app);
  await serveConsole(app, findConsoleDir(config.CONSOLE_DIR));
}
