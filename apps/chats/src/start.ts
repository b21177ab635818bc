import { startService, type RunningService } from '@app/runtime';
import { loadChatsConfig } from './config';
import { ChatsModule, SERVICE_NAME } from './chats.module';

/** Starts the chats service from environment variables (validated first). */
export async function startChats(
  env: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const config = loadChatsConfig(env);
  return startService({
    service: SERVICE_NAME,
    module: ChatsModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}
