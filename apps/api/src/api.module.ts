import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, persistenceOptions, type PersistenceOptions } from '@app/persistence';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import { ChatsModule } from './chats/chats.module';
import { API_CONFIG, type ApiConfig } from './config';
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
import { UserEntity } from './users/user.entity';
import { UsersModule } from './users/users.module';
import { WorkflowsModule } from './workflows/workflows.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

export const SERVICE_NAME = 'api';

export function apiPersistence(config: ApiConfig): PersistenceOptions {
  return persistenceOptions(SERVICE_NAME, config, {
    entities: [ApiKeyEntity, UserEntity, SessionEntity],
    migrations,
  });
}

@Global()
@Module({})
class ApiConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}

/** Public REST API (/v1) with workspace-scoped keys. */
@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApiConfigModule.forRoot(config),
        MessagingModule.forService(SERVICE_NAME, config),
        PersistenceModule.forRoot(apiPersistence(config)),
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
      ],
    };
  }
}
