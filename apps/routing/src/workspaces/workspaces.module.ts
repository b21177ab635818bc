import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { WorkspaceEntity } from './workspace.entity';
import { WorkspacesHandlers } from './workspaces.handlers';
import { WorkspacesUseCase } from './workspaces.usecase';

@Module({
  imports: [PersistenceModule.forFeature([WorkspaceEntity])],
  controllers: [WorkspacesHandlers],
  providers: [WorkspacesUseCase],
  exports: [WorkspacesUseCase],
})
export class WorkspacesModule {}
