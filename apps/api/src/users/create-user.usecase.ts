import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WorkspaceDirectory } from '../workspaces/workspace-directory';
import { hashPassword } from './password';
import type { UserEntity } from './user.entity';
import { UserStore } from './user.store';
import { toUserView, type CreateUserBody, type UserView } from './user.view';

/** A new, enabled user; the password is kept only as a scrypt hash. */
export async function newUser(body: CreateUserBody): Promise<UserEntity> {
  const now = new Date();
  return {
    id: randomUUID(),
    email: body.email,
    passwordHash: await hashPassword(body.password),
    role: body.role,
    workspaceIds: body.workspaceIds,
    disabled: false,
    createdAt: now,
    updatedAt: now,
  };
}

/** Creates a console user. */
@Injectable()
export class CreateUser {
  private readonly logger = new Logger(CreateUser.name);

  constructor(
    private readonly users: UserStore,
    private readonly workspaces: WorkspaceDirectory,
  ) {}

  async execute(command: CreateUserBody): Promise<UserView> {
    await this.workspaces.assertExist(command.workspaceIds, 'workspaceIds');
    const user = await newUser(command);
    await this.users.insert(user);
    this.logger.log(`User ${user.id} created (${user.role}, ${user.workspaceIds.length} workspaces)`);
    return toUserView(user);
  }
}
