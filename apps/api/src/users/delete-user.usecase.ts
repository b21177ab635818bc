import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '@app/contracts';
import { SessionAuthenticator } from '../sessions/session-authenticator';
import { leavesNoAdmin } from './last-admin.rule';
import { UserStore } from './user.store';

/** Removes a user; their sessions go with them (foreign key cascade). */
@Injectable()
export class DeleteUser {
  private readonly logger = new Logger(DeleteUser.name);

  constructor(
    private readonly users: UserStore,
    private readonly authenticator: SessionAuthenticator,
  ) {}

  async execute(id: string): Promise<void> {
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('User');
    if (leavesNoAdmin(user, null, await this.users.countActiveAdminsBut(id)))
      throw new AppError('conflict', 'This is the last enabled admin: make another user an admin first.');
    await this.users.delete(id);
    this.authenticator.forgetUser(id);
    this.logger.log(`User ${id} deleted`);
  }
}
