import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, type Workflow } from '@app/contracts';
import { SERVICE_CONFIG } from '@app/runtime';
import { found } from '@app/persistence';
import { assertModelsAllowed } from './allowed-models';
import { validateDefinition } from './validate-definition';
import { WorkflowStore } from './workflow-store';

const PAGE = 100;

/** Saving and reading workflow definitions: validated on save, a new version per update. */
@Injectable()
export class WorkflowDefinitions {
  constructor(
    private readonly store: WorkflowStore,
    /** The service's config: its LLM_ALLOWED_MODELS (empty: any model). */
    @Inject(SERVICE_CONFIG) private readonly config: { LLM_ALLOWED_MODELS: string[] },
  ) {}

  /** Structure first (400), then the operator's model allow-list (422). */
  private validate(definition: unknown[] | string) {
    const steps = validateDefinition(definition);
    assertModelsAllowed(steps, this.config.LLM_ALLOWED_MODELS);
    return steps;
  }

  async create(input: {
    workspaceId: string;
    name: string;
    definition: unknown[] | string;
  }): Promise<Workflow> {
    const steps = this.validate(input.definition);
    const workflowId = randomUUID();
    await this.store.insertVersion({
      workflowId,
      workspaceId: input.workspaceId,
      name: input.name,
      version: 1,
      steps,
    });
    return this.get(input.workspaceId, workflowId);
  }

  async update(input: {
    workspaceId: string;
    workflowId: string;
    name: string;
    definition: unknown[] | string;
  }): Promise<Workflow> {
    const steps = this.validate(input.definition);
    // Two concurrent updates race for the same next number; the loser takes the one after.
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.get(input.workspaceId, input.workflowId);
      const saved = await this.store.insertVersion({ ...input, steps, version: current.version + 1 });
      if (saved) return this.get(input.workspaceId, input.workflowId);
    }
    throw new AppError(
      'conflict',
      'The workflow is being changed by someone else at the same time; try again.',
    );
  }

  async get(workspaceId: string, workflowId: string): Promise<Workflow> {
    const workflow = found(await this.store.latest(workspaceId, workflowId), 'Workflow');
    return workflow;
  }

  async versions(workspaceId: string, workflowId: string): Promise<{ items: Workflow[]; nextCursor: null }> {
    const items = await this.store.versions(workspaceId, workflowId, PAGE);
    if (!items.length) throw AppError.notFound('Workflow');
    return { items, nextCursor: null };
  }

  async list(
    workspaceId: string,
    cursor: string | null = null,
  ): Promise<{ items: Workflow[]; nextCursor: string | null }> {
    const items = await this.store.list(workspaceId, PAGE + 1, cursor);
    const page = items.slice(0, PAGE);
    return { items: page, nextCursor: items.length > PAGE ? page[page.length - 1].id : null };
  }
}
