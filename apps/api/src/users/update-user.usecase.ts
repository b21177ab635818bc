import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '@app/contracts';
import { SessionAuthenticator } from '../sessions/session-authenticator';
import { SessionStore } from '../sessions/session.store';
import { WorkspaceDirectory } from '../workspaces/workspace-directory';
import { leavesNoAdmin } from './last-admin.rule';
import { hashPassword } from './password';
import { UserStore } from './user.store';
import { toUserView, type UpdateUserBody, type UserView } from './user.view';

/**
 * Changes a user's role, workspaces, password or disabled state. Disabling or setting a password
 * ends the user's sessions; every change bites at once on this replica (others: cache time).
 */
@Injectable()
export class UpdateUser {
  private readonly logger = new Logger(UpdateUser.name);

  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly authenticator: SessionAuthenticator,
    private readonly workspaces: WorkspaceDirectory,
  ) {}

  async execute(id: string, patch: UpdateUserBody): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('User');
    const after = { role: patch.role ?? user.role, disabled: patch.disabled ?? user.disabled };
    if (leavesNoAdmin(user, after, await this.users.countActiveAdminsBut(id)))
      throw new AppError('conflict', 'This is the last enabled admin: make another user an admin first.');
    if (patch.workspaceIds) await this.workspaces.assertExist(patch.workspaceIds, 'workspaceIds');
    Object.assign(user, after, {
      workspaceIds: patch.workspaceIds ?? user.workspaceIds,
      updatedAt: new Date(),
    });
    if (patch.password) user.passwordHash = await hashPassword(patch.password);
    await this.users.save(user);
    if (patch.disabled || patch.password) await this.sessions.deleteAllOf(id);
    this.authenticator.forgetUser(id);
    this.logger.log(`User ${id} changed (${Object.keys(patch).join(', ')})`);
    return toUserView(user);
  }
}
