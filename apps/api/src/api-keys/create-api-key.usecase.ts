import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GetWorkspace } from '@app/contracts';
import { ServiceClient } from '../http/service-client';
import { generateKeySecret } from './api-key-secret';
import type { ApiKeyEntity } from './api-key.entity';
import { ApiKeyStore } from './api-key.store';
import { toApiKeyView, type CreateApiKeyBody, type CreatedApiKey } from './api-key.view';
import { KEY_PERMISSIONS } from '../auth/key-scope';

/** Issues a workspace key: the key is returned once, only its hash is stored. */
@Injectable()
export class CreateApiKey {
  private readonly logger = new Logger(CreateApiKey.name);

  constructor(
    private readonly store: ApiKeyStore,
    private readonly services: ServiceClient,
  ) {}

  async execute(workspaceId: string, body: CreateApiKeyBody): Promise<CreatedApiKey> {
    // A key for a workspace that does not exist would authenticate into nothing: 404 instead.
    await this.services.ask(GetWorkspace, { workspaceId });
    const secret = generateKeySecret();
    const row: ApiKeyEntity = {
      id: randomUUID(),
      workspaceId,
      name: body.name ?? null,
      prefix: secret.prefix,
      keyHash: secret.hash,
      createdAt: new Date(),
      revokedAt: null,
      permissions: body.permissions ?? [...KEY_PERMISSIONS],
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      lastUsedAt: null,
    };
    await this.store.insert(row);
    this.logger.log(`API key ${row.id} (${row.prefix}...) created for workspace ${workspaceId}`);
    return { ...toApiKeyView(row), key: secret.key };
  }
}
