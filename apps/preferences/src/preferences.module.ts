import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import { PREFERENCES_CONFIG, type PreferencesConfig } from './config';
import { MemberCacheModule } from './member-cache/member-cache.module';
import { MemberEntity } from './members/member.entity';
import { MembersModule } from './members/members.module';
import { PreferenceChangeEntity } from './members/preference-change.entity';
import { SendCheckModule } from './send-check/send-check.module';

export const SERVICE_NAME = 'preferences';

export function preferencesPersistence(config: PreferencesConfig): PersistenceOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA ?? 'preferences',
    poolSize: config.DB_POOL_SIZE,
    entities: [MemberEntity, PreferenceChangeEntity],
    migrations,
  };
}

/** The validated config, for every feature module. */
@Global()
@Module({})
class PreferencesConfigModule {
  static forRoot(config: PreferencesConfig): DynamicModule {
    return { module: PreferencesConfigModule, providers: [{ provide: PREFERENCES_CONFIG, useValue: config }], exports: [PREFERENCES_CONFIG] };
  }
}

/** Members, notification switches, opt-out, and the "may I send?" check. */
@Module({})
export class PreferencesModule {
  static forRoot(config: PreferencesConfig): DynamicModule {
    return {
      module: PreferencesModule,
      imports: [
        PreferencesConfigModule.forRoot(config),
        MessagingModule.forRoot({
          service: SERVICE_NAME,
          natsUrl: config.NATS_URL,
          namespace: config.NATS_NAMESPACE,
          streamReplicas: config.NATS_STREAM_REPLICAS,
        }),
        PersistenceModule.forRoot(preferencesPersistence(config)),
        MemberCacheModule,
        MembersModule,
        SendCheckModule,
      ],
    };
  }
}
