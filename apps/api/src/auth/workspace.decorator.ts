import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AppError } from '@app/contracts';
import type { Caller, WorkspaceCaller } from './key-scope';

export interface AuthenticatedRequest {
  caller?: Caller;
}

/** The calling key's workspace (set by ApiKeyGuard on workspace routes). */
export const Workspace = createParamDecorator((_data: unknown, ctx: ExecutionContext): WorkspaceCaller => {
  const caller = ctx.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  // Only reachable if a workspace route were declared without the guard: fail closed.
  if (caller?.kind !== 'workspace') throw new AppError('forbidden', 'This route needs a workspace API key.');
  return { workspaceId: caller.workspaceId, keyId: caller.keyId };
});
