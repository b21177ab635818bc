import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@app/contracts';
import { ApiKeyAuthenticator } from '../api-keys/authenticate-api-key.usecase';
import { secretsEqual } from '../api-keys/api-key-secret';
import { API_CONFIG, type ApiConfig } from '../config';
import { KEY_SCOPE, type Caller, type KeyScope } from './key-scope';
import type { AuthenticatedRequest } from './workspace.decorator';

const BEARER = /^Bearer ([^\s]+)$/i;

/**
 * `Authorization: Bearer <key>`: 401 when the key is missing, malformed, unknown or revoked; 403
 * when a valid key calls a route of the other kind (operator vs workspace).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyAuthenticator,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scope =
      this.reflector.getAllAndOverride<KeyScope | undefined>(KEY_SCOPE, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'workspace';
    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { headers: Record<string, string | string[] | undefined> }>();
    const caller = await this.identify(request.headers.authorization);
    if (caller.kind !== scope) {
      throw new AppError(
        'forbidden',
        scope === 'operator'
          ? 'This route needs the operator key (ADMIN_API_KEY).'
          : 'This route needs a workspace API key; the operator key manages workspaces only.',
      );
    }
    request.caller = caller;
    return true;
  }

  private async identify(header: string | string[] | undefined): Promise<Caller> {
    if (header === undefined)
      throw new AppError('unauthorized', 'Missing Authorization header: send "Authorization: Bearer <key>".');
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    if (!match)
      throw new AppError('unauthorized', 'Malformed Authorization header: expected "Bearer <key>".');
    const token = match[1];
    if (secretsEqual(token, this.config.ADMIN_API_KEY)) return { kind: 'operator' };
    const key = await this.keys.authenticate(token);
    if (!key) throw new AppError('unauthorized', 'Unknown or revoked API key.');
    return { kind: 'workspace', workspaceId: key.workspaceId, keyId: key.keyId };
  }
}
