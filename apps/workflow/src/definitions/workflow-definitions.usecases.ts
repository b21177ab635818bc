import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AppError,
  type CreateWorkflow,
  type GetWorkflow,
  type ListWorkflows,
  type ListWorkflowVersions,
  type RequestPayload,
  type UpdateWorkflow,
} from '@app/contracts';
import type { Answer } from '@app/messaging';
import { found } from '@app/persistence';
import { SERVICE_CONFIG } from '@app/runtime';
import { assertModelsAllowed } from './allowed-models';
import { validateDefinition } from './validate-definition';
import { WorkflowStore } from './workflow-store';

const PAGE = 100;

/** The service's config as definitions read it: its LLM_ALLOWED_MODELS (empty: any model). */
type ModelsConfig = { LLM_ALLOWED_MODELS: string[] };

/** A definition's steps, checked as every save checks them: structure first (400), then the model allow-list (422). */
function checkedSteps(definition: unknown[] | string, config: ModelsConfig) {
  const steps = validateDefinition(definition);
  assertModelsAllowed(steps, config.LLM_ALLOWED_MODELS);
  return steps;
}

/** Saves a new workflow as version 1. */
@Injectable()
export class CreateWorkflowUseCase {
  constructor(
    private readonly store: WorkflowStore,
    @Inject(SERVICE_CONFIG) private readonly config: ModelsConfig,
  ) {}

  async execute(input: RequestPayload<typeof CreateWorkflow>): Answer<typeof CreateWorkflow> {
    const steps = checkedSteps(input.definition, this.config);
    const workflowId = randomUUID();
    const { workspaceId, name } = input;
    await this.store.insertVersion({ workflowId, workspaceId, name, version: 1, steps });
    return found(await this.store.latest(workspaceId, workflowId), 'Workflow');
  }
}

/** Saves a new version of a workflow; chats keep the version they started with. */
@Injectable()
export class UpdateWorkflowUseCase {
  constructor(
    private readonly store: WorkflowStore,
    @Inject(SERVICE_CONFIG) private readonly config: ModelsConfig,
  ) {}

  async execute(input: RequestPayload<typeof UpdateWorkflow>): Answer<typeof UpdateWorkflow> {
    const steps = checkedSteps(input.definition, this.config);
    const latest = async () =>
      found(await this.store.latest(input.workspaceId, input.workflowId), 'Workflow');
    // Two concurrent updates race for the same next number; the loser takes the one after.
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await latest();
      const saved = await this.store.insertVersion({ ...input, steps, version: current.version + 1 });
      if (saved) return latest();
    }
    throw new AppError(
      'conflict',
      'The workflow is being changed by someone else at the same time; try again.',
    );
  }
}

@Injectable()
export class GetWorkflowUseCase {
  constructor(private readonly store: WorkflowStore) {}

  async execute(request: RequestPayload<typeof GetWorkflow>): Answer<typeof GetWorkflow> {
    return found(await this.store.latest(request.workspaceId, request.workflowId), 'Workflow');
  }
}

@Injectable()
export class ListWorkflowVersionsUseCase {
  constructor(private readonly store: WorkflowStore) {}

  async execute(request: RequestPayload<typeof ListWorkflowVersions>): Answer<typeof ListWorkflowVersions> {
    const items = await this.store.versions(request.workspaceId, request.workflowId, PAGE);
    if (!items.length) throw AppError.notFound('Workflow');
    return { items, nextCursor: null };
  }
}

/** A workspace's workflows (latest versions), a page at a time. */
@Injectable()
export class ListWorkflowsUseCase {
  constructor(private readonly store: WorkflowStore) {}

  async execute(request: RequestPayload<typeof ListWorkflows>): Answer<typeof ListWorkflows> {
    const items = await this.store.list(request.workspaceId, PAGE + 1, request.cursor ?? null);
    const page = items.slice(0, PAGE);
    return { items: page, nextCursor: items.length > PAGE ? page[page.length - 1].id : null };
  }
}
