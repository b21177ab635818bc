import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError, Id } from '@app/contracts';
import { KEY_PERMISSION, KEY_SCOPE, type Caller, type KeyPermission, type KeyScope } from './key-scope';
import type { AuthenticatedRequest } from './workspace.decorator';

/** The header a signed-in user names the workspace with (keys carry theirs). */
export const WORKSPACE_HEADER = 'x-workspace-id';

/** The permission a workspace key needs on this route beyond its method's default (GET read, else manage). */
export const NeedsPermission = (permission: KeyPermission) => SetMetadata(KEY_PERMISSION, permission);

const READS = new Set(['GET', 'HEAD']);

const WORKSPACE_IN_QUERY = 'api:workspace-in-query';
/**
 * A GET route a browser opens without headers (EventSource): a session may name the workspace
 * with `?workspaceId=` instead of X-Workspace-Id.
 */
export const WorkspaceInQuery = () => SetMetadata(WORKSPACE_IN_QUERY, true);

const ADMINS_ONLY = 'api:admins-only';
/**
 * A workspace route that only an admin's session may use (the act is the operator's); everyone
 * else is refused with `refusal`, which names the operator's route.
 */
export const AdminsOnly = (refusal: string) => SetMetadata(ADMINS_ONLY, refusal);

/**
 * Decides whether the caller the request gate identified may use this route:
 * - operator routes: the operator key, or an admin's session;
 * - workspace routes: a workspace key with the route's permission (its workspace), or a session
 *   naming a workspace in `X-Workspace-Id` (one of the user's; an admin may name any);
 * - user routes: a session (a key has no user);
 * - anonymous routes: anyone.
 * A valid caller on a route not theirs is a 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const scope = this.reflector.getAllAndOverride<KeyScope | undefined>(KEY_SCOPE, targets) ?? 'workspace';
    if (scope === 'anonymous') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const caller = request.caller;
    // The gate answers 401 before this; a route reached without a caller fails closed.
    if (!caller) throw new AppError('unauthorized', 'Missing Authorization header.');
    if (scope === 'operator') return this.operator(caller);
    if (scope === 'user') {
      if (caller.kind !== 'session')
        throw new AppError('forbidden', 'This route is for a signed-in user; API keys have no user.');
      return true;
    }
    const adminsOnly = this.reflector.getAllAndOverride<string | undefined>(ADMINS_ONLY, targets);
    if (adminsOnly && !(caller.kind === 'session' && caller.role === 'admin'))
      throw new AppError('forbidden', adminsOnly);
    const permission =
      this.reflector.getAllAndOverride<KeyPermission | undefined>(KEY_PERMISSION, targets) ??
      (READS.has(request.method) ? 'read' : 'manage');
    const inQuery =
      this.reflector.getAllAndOverride<boolean | undefined>(WORKSPACE_IN_QUERY, targets) === true &&
      READS.has(request.method);
    const named =
      request.headers[WORKSPACE_HEADER] ??
      (inQuery ? (request.query as Record<string, string | string[] | undefined>).workspaceId : undefined);
    request.workspace = this.workspace(caller, named, permission);
    return true;
  }

  private operator(caller: Caller): boolean {
    if (caller.kind === 'operator' || (caller.kind === 'session' && caller.role === 'admin')) return true;
    throw new AppError(
      'forbidden',
      caller.kind === 'session'
        ? 'This route is for admins.'
        : 'This route needs the operator key (ADMIN_API_KEY) or an admin.',
    );
  }

  private workspace(caller: Caller, header: string | string[] | undefined, permission: KeyPermission) {
    switch (caller.kind) {
      case 'operator':
        throw new AppError(
          'forbidden',
          'This route needs a workspace API key; the operator key manages workspaces only.',
        );
      case 'key':
        if (!caller.permissions.includes(permission))
          throw new AppError('forbidden', `This API key does not have the "${permission}" permission.`);
        return {
          workspaceId: caller.workspaceId,
          keyId: caller.keyId,
          userId: null,
          actor: `api-key:${caller.keyId}`,
        };
      case 'session': {
        if (header === undefined)
          throw new AppError(
            'invalid_input',
            'Missing header X-Workspace-Id: name the workspace this request acts in.',
          );
        if (typeof header !== 'string' || !Id.safeParse(header).success)
          throw new AppError(
            'invalid_input',
            'Invalid header: X-Workspace-Id: must be a workspace id (UUID).',
          );
        if (caller.role !== 'admin' && !caller.workspaceIds.includes(header))
          throw new AppError('forbidden', 'You are not a member of this workspace.');
        return { workspaceId: header, keyId: null, userId: caller.userId, actor: `user:${caller.userId}` };
      }
    }
  }
}
