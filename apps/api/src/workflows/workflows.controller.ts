import {
  CreateWorkflow,
  GetWorkflow,
  ListWorkflows,
  ListWorkflowVersions,
  UpdateWorkflow,
  Workflow,
} from '@app/contracts';
import { ApiController } from '../http/api-controller.decorator';
import { ContractRoutes } from '../http/contract-routes';
import { pageOf, schemaRef } from '../http/openapi';

/**
 * `{ name, definition }` as JSON, or the same document as YAML (Content-Type application/yaml or
 * text/yaml). The step grammar is the workflow service's: it validates definitions when saved.
 */
const WorkflowBody = CreateWorkflow.request.omit({ workspaceId: true }).strict();

@ApiController('workflows', 'workspace', 'Workflows')
export class WorkflowsController extends ContractRoutes(
  { ids: { id: 'workflowId' }, resource: schemaRef('Workflow', Workflow) },
  {
    create: {
      route: 'POST',
      summary: 'Save a new workflow (version 1); JSON or YAML body',
      status: 201,
      errors: [415, 422],
      contract: CreateWorkflow,
      body: WorkflowBody,
      yaml: true,
    },
    list: {
      route: 'GET',
      summary: "The workspace's workflows (latest versions)",
      response: pageOf('Workflow', Workflow),
      contract: ListWorkflows,
    },
    get: {
      route: 'GET :id',
      summary: 'The latest version of a workflow',
      errors: [404],
      contract: GetWorkflow,
    },
    versions: {
      route: 'GET :id/versions',
      summary: "A workflow's versions, newest first, each with its steps",
      response: pageOf('Workflow', Workflow),
      errors: [404],
      contract: ListWorkflowVersions,
    },
    update: {
      route: 'PUT :id',
      summary: 'Save a new version (running chats keep theirs); JSON or YAML body',
      errors: [404, 415, 422],
      contract: UpdateWorkflow,
      body: WorkflowBody,
      yaml: true,
    },
  },
) {}
