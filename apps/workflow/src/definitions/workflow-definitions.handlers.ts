import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateWorkflow,
  GetWorkflow,
  ListWorkflows,
  ListWorkflowVersions,
  UpdateWorkflow,
  type RequestPayload,
} from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { WorkflowDefinitions } from './workflow-definitions.usecase';

@Controller()
export class WorkflowDefinitionHandlers {
  constructor(private readonly definitions: WorkflowDefinitions) {}

  @OnRequest(CreateWorkflow)
  create(@Payload() req: RequestPayload<typeof CreateWorkflow>) {
    return this.definitions.create(req);
  }

  @OnRequest(UpdateWorkflow)
  update(@Payload() req: RequestPayload<typeof UpdateWorkflow>) {
    return this.definitions.update(req);
  }

  @OnRequest(GetWorkflow)
  get(@Payload() req: RequestPayload<typeof GetWorkflow>) {
    return this.definitions.get(req.workspaceId, req.workflowId);
  }

  @OnRequest(ListWorkflowVersions)
  versions(@Payload() req: RequestPayload<typeof ListWorkflowVersions>) {
    return this.definitions.versions(req.workspaceId, req.workflowId);
  }

  @OnRequest(ListWorkflows)
  list(@Payload() req: RequestPayload<typeof ListWorkflows>) {
    return this.definitions.list(req.workspaceId, req.cursor ?? null);
  }
}
