import { startService, type RunningService } from '@app/runtime';
import { loadWorkflowConfig } from './config';
import { WorkflowModule, SERVICE_NAME } from './workflow.module';

/** Starts the workflow service from environment variables (validated first). */
export async function startWorkflow(
  env: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const config = loadWorkflowConfig(env);
  return startService({
    service: SERVICE_NAME,
    module: WorkflowModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}
