import { z } from 'zod';
import {
  CreateWorkflow,
  GetWorkflow,
  ListWorkflows,
  ListWorkflowVersions,
  UpdateWorkflow,
  Workflow,
} from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { pageOf, schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, ZodBody } from '../http/validation';

/**
 * `{ name, definition }` as JSON, or the same document as YAML (Content-Type application/yaml or
 * text/yaml). The step grammar is the workflow service's: it validates definitions when saved.
 */
const WorkflowBody = CreateWorkflow.request.omit({ workspaceId: true }).strict();
const workflowRef = () => schemaRef('Workflow', Workflow);

@ApiController('workflows', 'workspace', 'Workflows')
export class WorkflowsController {
  constructor(private readonly services: ServiceClient) {}

  @Endpoint('POST', '', {
    summary: 'Save a new workflow (version 1); JSON or YAML body',
    status: 201,
    response: workflowRef(),
    errors: [415, 422],
  })
  create(
    @Workspace() ws: WorkspaceCaller,
    @ZodBody(WorkflowBody, { yaml: true }) body: z.infer<typeof WorkflowBody>,
  ) {
    return this.services.askAs(ws, CreateWorkflow, body);
  }

  @Endpoint('GET', '', {
    summary: "The workspace's workflows (latest versions)",
    response: pageOf('Workflow', Workflow),
  })
  list(@Workspace() ws: WorkspaceCaller) {
    return this.services.askAs(ws, ListWorkflows, {});
  }

  @Endpoint('GET', ':id', {
    summary: 'The latest version of a workflow',
    response: workflowRef(),
    errors: [404],
  })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() workflowId: string) {
    return this.services.askAs(ws, GetWorkflow, { workflowId });
  }

  @Endpoint('GET', ':id/versions', {
    summary: "A workflow's versions, newest first, each with its steps",
    response: pageOf('Workflow', Workflow),
    errors: [404],
  })
  versions(@Workspace() ws: WorkspaceCaller, @IdParam() workflowId: string) {
    return this.services.askAs(ws, ListWorkflowVersions, { workflowId });
  }

  @Endpoint('PUT', ':id', {
    summary: 'Save a new version (running chats keep theirs); JSON or YAML body',
    response: workflowRef(),
    errors: [404, 415, 422],
  })
  update(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() workflowId: string,
    @ZodBody(WorkflowBody, { yaml: true }) body: z.infer<typeof WorkflowBody>,
  ) {
    return this.services.askAs(ws, UpdateWorkflow, { ...body, workflowId });
  }
}
