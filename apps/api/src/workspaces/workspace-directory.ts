import { Injectable } from '@nestjs/common';
import { AppError, ListWorkspaces, type Workspace } from '@app/contracts';
import { ServiceClient } from '../http/service-client';

/** Workspaces as routing knows them, for users and sessions (which only keep ids). */
@Injectable()
export class WorkspaceDirectory {
  constructor(private readonly services: ServiceClient) {}

  /** Every workspace (no ids), or those of the ids that exist, by name. */
  async list(ids?: readonly string[]): Promise<Workspace[]> {
    if (ids?.length === 0) return [];
    return (await this.services.ask(ListWorkspaces, ids ? { ids: [...ids] } : {})).items;
  }

  /** Refuses ids that name no workspace (a 400 naming the field and the first unknown id). */
  async assertExist(ids: readonly string[], field: string): Promise<void> {
    const found = new Set((await this.list(ids)).map((w) => w.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw new AppError('invalid_input', `Invalid body: ${field}: no workspace ${missing}.`);
  }
}
