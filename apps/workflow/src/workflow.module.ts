import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, persistenceOptions, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import type { AgentOptions } from './agent/agent-options';
import { EngineModule } from './engine/engine.module';
import { AutomationModule } from './automation/automation.module';
import type { WorkflowConfig } from './config';

export const SERVICE_NAME = 'workflow';

export function workflowPersistence(config: WorkflowConfig): PersistenceOptions {
  return persistenceOptions(SERVICE_NAME, config, { entities: [], migrations });
}

export function agentOptions(config: WorkflowConfig): AgentOptions {
  return {
    baseUrl: config.LLM_BASE_URL ?? null,
    apiKey: config.LLM_API_KEY ?? null,
    model: config.LLM_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxSteps: config.AGENT_MAX_STEPS,
    totalTimeoutMs: config.AGENT_TIMEOUT_MS,
  };
}

/** Workflows, agents, abilities, event rules, routines. */
@Module({})
export class WorkflowModule {
  static forRoot(config: WorkflowConfig): DynamicModule {
    const engine = EngineModule.forRoot(agentOptions(config));
    return {
      module: WorkflowModule,
      imports: [
        MessagingModule.forService(SERVICE_NAME, config),
        PersistenceModule.forRoot(workflowPersistence(config)),
        engine,
        AutomationModule.forRoot(engine),
      ],
    };
  }
}
