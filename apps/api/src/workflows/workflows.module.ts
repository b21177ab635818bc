import { Module } from '@nestjs/common';
import { WorkflowsController } from './workflows.controller';

/** Versioned workflow definitions (owned by workflow). */
@Module({ controllers: [WorkflowsController] })
export class WorkflowsModule {}
