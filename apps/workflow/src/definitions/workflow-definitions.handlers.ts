import { Controller } from '@nestjs/common';
import {
  CreateWorkflow,
  GetWorkflow,
  ListWorkflows,
  ListWorkflowVersions,
  UpdateWorkflow,
} from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import {
  CreateWorkflowUseCase,
  GetWorkflowUseCase,
  ListWorkflowsUseCase,
  ListWorkflowVersionsUseCase,
  UpdateWorkflowUseCase,
} from './workflow-definitions.usecases';

/** rpc.workflow.definition.*: payloads arrive validated against the contracts. */
@Controller()
export class WorkflowDefinitionHandlers extends HandOver(
  answer(CreateWorkflow, CreateWorkflowUseCase),
  answer(UpdateWorkflow, UpdateWorkflowUseCase),
  answer(GetWorkflow, GetWorkflowUseCase),
  answer(ListWorkflowVersions, ListWorkflowVersionsUseCase),
  answer(ListWorkflows, ListWorkflowsUseCase),
) {}
