import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@app/contracts';
import { API_CONFIG, type ApiConfig } from '../config';
import { checkWebhookUrl } from './safe-target';
import { newWebhookSecret } from './webhook-signature';
import { toWebhook, type CreateWebhookBody, type UpdateWebhookBody, type Webhook } from './webhook.view';
import { WebhooksStore } from './webhooks.store';

const MAX_ENDPOINTS = 20;

/** `POST /v1/webhooks`: a new endpoint with its secret, shown in this answer only. */
@Injectable()
export class CreateWebhook {
  constructor(
    private readonly store: WebhooksStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async execute(command: {
    workspaceId: string;
    body: CreateWebhookBody;
  }): Promise<Webhook & { secret: string }> {
    const url = checkWebhookUrl(command.body.url, this.config.WEBHOOKS_ALLOW_PRIVATE);
    if ((await this.store.endpoints.countBy({ workspaceId: command.workspaceId })) >= MAX_ENDPOINTS)
      throw new AppError('rule_violation', `A workspace has at most ${MAX_ENDPOINTS} webhook endpoints.`);
    const endpoint = this.store.newEndpoint({
      workspaceId: command.workspaceId,
      url: url.toString(),
      description: command.body.description ?? null,
      events: command.body.events ?? [],
      secret: newWebhookSecret(),
    });
    await this.store.endpoints.insert(endpoint);
    return { ...toWebhook(endpoint), secret: endpoint.secret };
  }
}

/** `PATCH /v1/webhooks/{id}`: url, description, events; `enabled: true` turns a disabled endpoint back on. */
@Injectable()
export class UpdateWebhook {
  constructor(
    private readonly store: WebhooksStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async execute(command: { workspaceId: string; id: string; body: UpdateWebhookBody }): Promise<Webhook> {
    const endpoint = await this.store.find(command.workspaceId, command.id);
    if (!endpoint) throw AppError.notFound('Webhook');
    const { url, description, events, enabled } = command.body;
    if (url !== undefined) endpoint.url = checkWebhookUrl(url, this.config.WEBHOOKS_ALLOW_PRIVATE).toString();
    if (description !== undefined) endpoint.description = description;
    if (events !== undefined) endpoint.events = events;
    if (enabled !== undefined && enabled !== endpoint.enabled) {
      endpoint.enabled = enabled;
      endpoint.disabledReason = enabled ? null : 'Disabled by the workspace.';
      endpoint.failingSince = null;
    }
    endpoint.updatedAt = new Date();
    await this.store.endpoints.update({ id: endpoint.id, workspaceId: command.workspaceId }, endpoint);
    return toWebhook(endpoint);
  }
}

/** `DELETE /v1/webhooks/{id}`: the endpoint and its deliveries. */
@Injectable()
export class DeleteWebhook {
  constructor(private readonly store: WebhooksStore) {}

  async execute(command: { workspaceId: string; id: string }): Promise<Webhook> {
    const endpoint = await this.store.find(command.workspaceId, command.id);
    if (!endpoint) throw AppError.notFound('Webhook');
    await this.store.endpoints.delete({ id: endpoint.id, workspaceId: command.workspaceId });
    return toWebhook(endpoint);
  }
}
