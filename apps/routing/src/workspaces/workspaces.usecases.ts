import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type {
  CreateWorkspace,
  GetWorkspace,
  ListWorkspaces,
  RequestPayload,
  SetWorkspaceFeature,
  UpdateWorkspace,
} from '@app/contracts';
import type { Answer } from '@app/messaging';
import { In } from 'typeorm';
import { toWorkspace } from './workspace.entity';
import { WorkspaceStore } from './workspace-store';

/** A new workspace, with no features and no quota (the operator's actions). */
@Injectable()
export class CreateWorkspaceUseCase {
  constructor(private readonly workspaces: WorkspaceStore) {}

  async execute(request: RequestPayload<typeof CreateWorkspace>): Answer<typeof CreateWorkspace> {
    const entity = this.workspaces.rows.create({
      id: randomUUID(),
      name: request.name.trim(),
      features: [],
      dailySendQuota: null,
    });
    return toWorkspace(await this.workspaces.rows.save(entity));
  }
}

@Injectable()
export class GetWorkspaceUseCase {
  constructor(private readonly workspaces: WorkspaceStore) {}

  async execute(request: RequestPayload<typeof GetWorkspace>): Answer<typeof GetWorkspace> {
    return toWorkspace(await this.workspaces.load(request.workspaceId));
  }
}

/** By name; an organisation has tens of workspaces, not thousands (capped at 1,000). */
@Injectable()
export class ListWorkspacesUseCase {
  constructor(private readonly workspaces: WorkspaceStore) {}

  async execute(request: RequestPayload<typeof ListWorkspaces>): Answer<typeof ListWorkspaces> {
    if (request.ids?.length === 0) return { items: [] };
    const rows = await this.workspaces.rows.find({
      where: request.ids ? { id: In(request.ids) } : {},
      order: { name: 'ASC', id: 'ASC' },
      take: 1000,
    });
    return { items: rows.map(toWorkspace) };
  }
}

/** The operator's settings; a field left out stays as it was. */
@Injectable()
export class UpdateWorkspaceUseCase {
  constructor(private readonly workspaces: WorkspaceStore) {}

  async execute(request: RequestPayload<typeof UpdateWorkspace>): Answer<typeof UpdateWorkspace> {
    await this.workspaces.load(request.workspaceId);
    if (request.patch.dailySendQuota !== undefined)
      await this.workspaces.rows.update(
        { id: request.workspaceId },
        { dailySendQuota: request.patch.dailySendQuota },
      );
    return toWorkspace(await this.workspaces.load(request.workspaceId));
  }
}

/** Idempotent. Switching `whatsapp` off leaves the numbers' switches alone: checks read both. */
@Injectable()
export class SetWorkspaceFeatureUseCase {
  constructor(private readonly workspaces: WorkspaceStore) {}

  async execute(request: RequestPayload<typeof SetWorkspaceFeature>): Answer<typeof SetWorkspaceFeature> {
    // One statement, so two concurrent switches of different features never lose each other.
    await this.workspaces.rows.query(
      request.enabled
        ? `UPDATE workspaces SET features = array_append(features, $2) WHERE id = $1 AND NOT ($2 = ANY(features)) RETURNING id`
        : `UPDATE workspaces SET features = array_remove(features, $2) WHERE id = $1 RETURNING id`,
      [request.workspaceId, request.feature],
    );
    return toWorkspace(await this.workspaces.load(request.workspaceId));
  }
}
