import { Module } from '@nestjs/common';
import { WorkspacesController } from './workspaces.controller';

/** Operator routes: workspaces and their features (owned by routing). */
@Module({ controllers: [WorkspacesController] })
export class WorkspacesModule {}
