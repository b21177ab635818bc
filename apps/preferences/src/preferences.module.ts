import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, persistenceOptions, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import { PREFERENCES_CONFIG, type PreferencesConfig } from './config';
import { MemberCacheModule } from './member-cache/member-cache.module';
import { MemberEntity } from './members/member.entity';
import { MembersModule } from './members/members.module';
import { PreferenceChangeEntity } from './members/preference-change.entity';
import { SendCheckModule } from './send-check/send-check.module';

export const SERVICE_NAME = 'preferences';

export function preferencesPersistence(config: PreferencesConfig): PersistenceOptions {
  return persistenceOptions(SERVICE_NAME, config, {
    entities: [MemberEntity, PreferenceChangeEntity],
    migrations,
  });
}

/** The validated config, for every feature module. */
@Global()
@Module({})
class PreferencesConfigModule {
  static forRoot(config: PreferencesConfig): DynamicModule {
    return {
      module: PreferencesConfigModule,
      providers: [{ provide: PREFERENCES_CONFIG, useValue: config }],
      exports: [PREFERENCES_CONFIG],
    };
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
        MessagingModule.forService(SERVICE_NAME, config),
        PersistenceModule.forRoot(preferencesPersistence(config)),
        MemberCacheModule,
        MembersModule,
        SendCheckModule,
      ],
    };
  }
}
