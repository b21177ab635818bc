import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AppError } from '@app/contracts';
import type { WorkspaceCaller } from './key-scope';

export interface AuthenticatedRequest {
  /** Set by AccessGuard on workspace routes. */
  workspace?: WorkspaceCaller;
}

/** The workspace the call acts in (set by AccessGuard on workspace routes). */
export const Workspace = createParamDecorator((_data: unknown, ctx: ExecutionContext): WorkspaceCaller => {
  const workspace = ctx.switchToHttp().getRequest<AuthenticatedRequest>().workspace;
  // Only reachable if a workspace route were declared without the guard: fail closed.
  if (!workspace) throw new AppError('forbidden', 'This route needs a workspace API key.');
  return workspace;
});
