import { database } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { loadPreferencesConfig, PREFERENCES_CONFIG } from './config';
import { MemberCacheModule } from './member-cache/member-cache.module';
import { MemberEntity } from './members/member.entity';
import { MembersModule } from './members/members.module';
import { PreferenceChangeEntity } from './members/preference-change.entity';
import { migrations } from './migrations';
import { SendCheckModule } from './send-check/send-check.module';

/** Members, notification switches, opt-out, and the "may I send?" check. */
export const preferencesService = defineService('preferences', {
  loadConfig: loadPreferencesConfig,
  configToken: PREFERENCES_CONFIG,
  database: database({ entities: [MemberEntity, PreferenceChangeEntity], migrations }),
  modules: [MemberCacheModule, MembersModule, SendCheckModule],
});

/** Starts the preferences service from environment variables (validated first). */
export const startPreferences = (env?: Env) => startService(preferencesService, env);
