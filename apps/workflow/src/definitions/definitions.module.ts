import { Module } from '@nestjs/common';
import { WorkflowDefinitionHandlers } from './workflow-definitions.handlers';
import { WorkflowStore } from './workflow-store';

/** Versioned workflow definitions: rpc.workflow.definition.*. */
@Module({
  controllers: [WorkflowDefinitionHandlers],
  providers: [WorkflowStore, ...WorkflowDefinitionHandlers.useCases],
  exports: [WorkflowStore],
})
export class DefinitionsModule {}
