import { Module } from '@nestjs/common';
import { WorkflowDefinitionHandlers } from './workflow-definitions.handlers';
import { WorkflowDefinitions } from './workflow-definitions.usecase';
import { WorkflowStore } from './workflow-store';

/** Versioned workflow definitions: rpc.workflow.definition.*. */
@Module({
  controllers: [WorkflowDefinitionHandlers],
  providers: [WorkflowStore, WorkflowDefinitions],
  exports: [WorkflowStore, WorkflowDefinitions],
})
export class DefinitionsModule {}
