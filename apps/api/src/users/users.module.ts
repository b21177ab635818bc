import { Module } from '@nestjs/common';
import { CreateUser } from './create-user.usecase';
import { DeleteUser } from './delete-user.usecase';
import { UpdateUser } from './update-user.usecase';
import { UsersController } from './users.controller';

/** Console users, managed by the operator or an admin. */
@Module({
  controllers: [UsersController],
  providers: [CreateUser, UpdateUser, DeleteUser],
  exports: [CreateUser],
})
export class UsersModule {}
