import { Module } from '@nestjs/common';
import { ChangePassword } from './change-password.usecase';
import { SessionsController } from './sessions.controller';
import { SignIn } from './sign-in.usecase';

/** Console sign-in, sign-out, sessions and password change. */
@Module({ controllers: [SessionsController], providers: [SignIn, ChangePassword] })
export class SessionsModule {}
