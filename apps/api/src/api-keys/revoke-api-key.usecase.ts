import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '@app/contracts';
import { ApiKeyStore } from './api-key.store';
import { ApiKeyAuthenticator } from './authenticate-api-key.usecase';
import { toApiKeyView, type ApiKeyView } from './api-key.view';

/** Revokes a key of the workspace; safe to repeat. */
@Injectable()
export class RevokeApiKey {
  private readonly logger = new Logger(RevokeApiKey.name);

  constructor(
    private readonly store: ApiKeyStore,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async execute(workspaceId: string, keyId: string): Promise<ApiKeyView> {
    const row = await this.store.revoke(workspaceId, keyId);
    if (!row) throw AppError.notFound('API key');
    this.authenticator.forget(keyId);
    this.logger.log(`API key ${keyId} revoked in workspace ${workspaceId}`);
    return toApiKeyView(row);
  }
}
