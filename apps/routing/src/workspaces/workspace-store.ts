import { Injectable } from '@nestjs/common';
import { findOneRow, found, InjectRepository } from '@app/persistence';
import type { Repository } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity';

/** The workspaces table, for the use cases here and the numbers' checks (features, quota). */
@Injectable()
export class WorkspaceStore {
  constructor(@InjectRepository(WorkspaceEntity) readonly rows: Repository<WorkspaceEntity>) {}

  /** The workspace, or not_found. */
  async load(workspaceId: string): Promise<WorkspaceEntity> {
    return found(await findOneRow(this.rows.manager, WorkspaceEntity, { id: workspaceId }), 'Workspace');
  }
}
