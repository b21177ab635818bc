import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@app/contracts';
import type { Caller } from './key-scope';

export type SessionCaller = Extract<Caller, { kind: 'session' }>;

/** The signed-in user's session (user routes; AccessGuard has checked it is a session). */
export const SignedIn = createParamDecorator((_data: unknown, ctx: ExecutionContext): SessionCaller => {
  const caller = ctx.switchToHttp().getRequest<FastifyRequest>().caller;
  if (caller?.kind !== 'session')
    throw new AppError('forbidden', 'This route is for a signed-in user; API keys have no user.');
  return caller;
});
