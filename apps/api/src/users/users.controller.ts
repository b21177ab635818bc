import { z } from 'zod';
import { AppError } from '@app/contracts';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { schemaRef } from '../http/openapi';
import { IdParam, ZodBody } from '../http/validation';
import { CreateUser } from './create-user.usecase';
import { DeleteUser } from './delete-user.usecase';
import { UpdateUser } from './update-user.usecase';
import { UserStore } from './user.store';
import { CreateUserBody, toUserView, UpdateUserBody, UserView } from './user.view';

const userRef = () => schemaRef('User', UserView);

@ApiController('users', 'operator', 'Users (operator or admin)')
export class UsersController {
  constructor(
    private readonly create: CreateUser,
    private readonly update: UpdateUser,
    private readonly remove: DeleteUser,
    private readonly users: UserStore,
  ) {}

  @Endpoint('POST', '', {
    summary: 'Create a console user (admin: everything; member: the workspaces listed)',
    status: 201,
    response: userRef(),
    errors: [409],
  })
  add(@ZodBody(CreateUserBody) body: CreateUserBody) {
    return this.create.execute(body);
  }

  @Endpoint('GET', '', {
    summary: 'Every console user, by email',
    response: schemaRef('UserList', z.object({ items: z.array(UserView) })),
  })
  async list() {
    return { items: (await this.users.list()).map(toUserView) };
  }

  @Endpoint('GET', ':id', { summary: 'Read a user', response: userRef(), errors: [404] })
  async get(@IdParam() id: string) {
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('User');
    return toUserView(user);
  }

  @Endpoint('PATCH', ':id', {
    summary:
      "Change a user's role, workspaces, password or disabled state (disabling or a new password ends their sessions)",
    response: userRef(),
    errors: [404, 409],
  })
  change(@IdParam() id: string, @ZodBody(UpdateUserBody) body: UpdateUserBody) {
    return this.update.execute(id, body);
  }

  @Endpoint('DELETE', ':id', {
    summary: 'Delete a user (their sessions end)',
    status: 204,
    errors: [404, 409],
  })
  async delete(@IdParam() id: string) {
    await this.remove.execute(id);
  }
}
