import { startService, type RunningService } from '@app/runtime';
import { loadPreferencesConfig } from './config';
import { PreferencesModule, SERVICE_NAME } from './preferences.module';

/** Starts the preferences service from environment variables (validated first). */
export async function startPreferences(
  env: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const config = loadPreferencesConfig(env);
  return startService({
    service: SERVICE_NAME,
    module: PreferencesModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}
