import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { schemaRef } from '../http/openapi';
import { IdParam, ZodBody } from '../http/validation';
import { ApiKeyStore } from './api-key.store';
import { ApiKeyView, CreateApiKeyBody, CreatedApiKey, toApiKeyView } from './api-key.view';
import { CreateApiKey } from './create-api-key.usecase';
import { RevokeApiKey } from './revoke-api-key.usecase';

@ApiController('workspaces/:workspaceId/api-keys', 'operator', 'API keys')
export class ApiKeysController {
  constructor(
    private readonly create: CreateApiKey,
    private readonly revoke: RevokeApiKey,
    private readonly store: ApiKeyStore,
  ) {}

  @Endpoint('POST', '', {
    summary:
      'Issue a workspace API key with its permissions (read, send, manage; all by default) and optional expiry; the key is shown only in this answer',
    status: 201,
    response: schemaRef('CreatedApiKey', CreatedApiKey),
    errors: [404],
  })
  issue(@IdParam('workspaceId') workspaceId: string, @ZodBody(CreateApiKeyBody) body: CreateApiKeyBody) {
    return this.create.execute(workspaceId, body);
  }

  @Endpoint('GET', '', {
    summary: "List a workspace's keys (ids and prefixes, revoked ones too)",
    response: {
      type: 'object',
      properties: { items: { type: 'array', items: schemaRef('ApiKey', ApiKeyView) } },
    },
  })
  async list(@IdParam('workspaceId') workspaceId: string) {
    return { items: (await this.store.listForWorkspace(workspaceId)).map(toApiKeyView) };
  }

  @Endpoint('DELETE', ':keyId', {
    summary: 'Revoke a key (takes effect within seconds on every replica)',
    response: schemaRef('ApiKey', ApiKeyView),
    errors: [404],
  })
  remove(@IdParam('workspaceId') workspaceId: string, @IdParam('keyId') keyId: string) {
    return this.revoke.execute(workspaceId, keyId);
  }
}
