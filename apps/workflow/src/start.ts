import { database } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import type { AgentOptions } from './agent/agent-options';
import { AutomationModule } from './automation/automation.module';
import { loadWorkflowConfig, type WorkflowConfig } from './config';
import { EngineModule } from './engine/engine.module';
import { ErasureModule } from './erasure/erasure.module';
import { migrations } from './migrations';

/** Workflows, agents, abilities, event rules, routines. */
export const workflowService = defineService('workflow', {
  loadConfig: loadWorkflowConfig,
  database: database({ entities: [], migrations }),
  modules: (config) => {
    const engine = EngineModule.forRoot(agentOptions(config));
    return [engine, AutomationModule.forRoot(engine), ErasureModule];
  },
});

/** Starts the workflow service from environment variables (validated first). */
export const startWorkflow = (env?: Env) => startService(workflowService, env);

function agentOptions(config: WorkflowConfig): AgentOptions {
  return {
    baseUrl: config.LLM_BASE_URL ?? null,
    apiKey: config.LLM_API_KEY ?? null,
    model: config.LLM_MODEL,
    allowedModels: config.LLM_ALLOWED_MODELS,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxSteps: config.AGENT_MAX_STEPS,
    totalTimeoutMs: config.AGENT_TIMEOUT_MS,
    media: config,
  };
}
