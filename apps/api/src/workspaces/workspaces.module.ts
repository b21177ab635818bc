import { Module } from '@nestjs/common';
import { CurrentWorkspaceController } from './current-workspace.controller';
import { WorkspacesController } from './workspaces.controller';

/** Workspaces and their features (owned by routing): the operator's routes and the caller's own. */
@Module({ controllers: [WorkspacesController, CurrentWorkspaceController] })
export class WorkspacesModule {}
