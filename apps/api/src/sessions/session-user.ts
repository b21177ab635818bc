import { Injectable } from '@nestjs/common';
import type { UserEntity } from '../users/user.entity';
import { WorkspaceDirectory } from '../workspaces/workspace-directory';
import type { SessionUser } from './session.view';

/** A user as the console sees them: with the names of the workspaces they may pick. */
@Injectable()
export class SessionUsers {
  constructor(private readonly workspaces: WorkspaceDirectory) {}

  async view(user: Pick<UserEntity, 'id' | 'email' | 'role' | 'workspaceIds'>): Promise<SessionUser> {
    const workspaces = await this.workspaces.list(user.role === 'admin' ? undefined : user.workspaceIds);
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      workspaces: workspaces.map((w) => ({ id: w.id, name: w.name })),
    };
  }
}
