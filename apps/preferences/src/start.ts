import { migrateSchema } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { loadPreferencesConfig } from './config';
import { PreferencesModule, SERVICE_NAME, preferencesPersistence } from './preferences.module';

export const preferencesService = defineService({
  name: SERVICE_NAME,
  loadConfig: loadPreferencesConfig,
  module: (config) => PreferencesModule.forRoot(config),
  migrate: (config) => migrateSchema(preferencesPersistence(config)),
});

/** Starts the preferences service from environment variables (validated first). */
export const startPreferences = (env?: Env) => startService(preferencesService, env);
