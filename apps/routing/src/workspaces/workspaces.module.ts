import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { WorkspaceEntity } from './workspace.entity';
import { WorkspaceStore } from './workspace-store';
import { WorkspacesHandlers } from './workspaces.handlers';

@Module({
  imports: [PersistenceModule.forFeature([WorkspaceEntity])],
  controllers: [WorkspacesHandlers],
  providers: [WorkspaceStore, ...WorkspacesHandlers.useCases],
  exports: [WorkspaceStore],
})
export class WorkspacesModule {}
