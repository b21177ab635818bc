import { migrateSchema } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { loadWorkflowConfig } from './config';
import { WorkflowModule, SERVICE_NAME, workflowPersistence } from './workflow.module';

export const workflowService = defineService({
  name: SERVICE_NAME,
  loadConfig: loadWorkflowConfig,
  module: (config) => WorkflowModule.forRoot(config),
  migrate: (config) => migrateSchema(workflowPersistence(config)),
});

/** Starts the workflow service from environment variables (validated first). */
export const startWorkflow = (env?: Env) => startService(workflowService, env);
