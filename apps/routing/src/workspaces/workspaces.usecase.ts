import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { findOneRow, InjectRepository, found } from '@app/persistence';
import { type Feature, type Workspace } from '@app/contracts';
import { In, type Repository } from 'typeorm';
import { toWorkspace, WorkspaceEntity } from './workspace.entity';

/** Workspaces and their product features (operator actions). */
@Injectable()
export class WorkspacesUseCase {
  constructor(@InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>) {}

  async create(name: string): Promise<Workspace> {
    const entity = this.workspaces.create({
      id: randomUUID(),
      name: name.trim(),
      features: [],
      dailySendQuota: null,
    });
    return toWorkspace(await this.workspaces.save(entity));
  }

  async get(workspaceId: string): Promise<Workspace> {
    return toWorkspace(await this.load(workspaceId));
  }

  /** By name; an organisation has tens of workspaces, not thousands (capped at 1,000). */
  async list(ids?: string[]): Promise<Workspace[]> {
    if (ids?.length === 0) return [];
    const rows = await this.workspaces.find({
      where: ids ? { id: In(ids) } : {},
      order: { name: 'ASC', id: 'ASC' },
      take: 1000,
    });
    return rows.map(toWorkspace);
  }

  /** The operator's settings; a field left out stays as it was. */
  async update(workspaceId: string, patch: { dailySendQuota?: number | null }): Promise<Workspace> {
    await this.load(workspaceId);
    if (patch.dailySendQuota !== undefined)
      await this.workspaces.update({ id: workspaceId }, { dailySendQuota: patch.dailySendQuota });
    return this.get(workspaceId);
  }

  /** Idempotent. Switching `whatsapp` off leaves the numbers' switches alone: checks read both. */
  async setFeature(workspaceId: string, feature: Feature, enabled: boolean): Promise<Workspace> {
    // One statement, so two concurrent switches of different features never lose each other.
    await this.workspaces.query(
      enabled
        ? `UPDATE workspaces SET features = array_append(features, $2) WHERE id = $1 AND NOT ($2 = ANY(features)) RETURNING id`
        : `UPDATE workspaces SET features = array_remove(features, $2) WHERE id = $1 RETURNING id`,
      [workspaceId, feature],
    );
    return this.get(workspaceId);
  }

  async load(workspaceId: string): Promise<WorkspaceEntity> {
    const entity = found(
      await findOneRow(this.workspaces.manager, WorkspaceEntity, { id: workspaceId }),
      'Workspace',
    );
    return entity;
  }
}
