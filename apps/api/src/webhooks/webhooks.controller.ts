import { z } from 'zod';
import { AppError } from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { pageOf, schemaRef } from '../http/openapi';
import { IdParam, queryInt, ZodBody, ZodQuery } from '../http/validation';
import { CreateWebhook, DeleteWebhook, UpdateWebhook } from './manage-webhooks.usecase';
import { DELIVERY_STATUSES } from './webhook.entities';
import {
  CreatedWebhook,
  CreateWebhookBody,
  toWebhook,
  toWebhookDelivery,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
} from './webhook.view';
import { WebhooksStore } from './webhooks.store';

const DeliveriesQuery = z.object({
  limit: queryInt(1, 200),
  /** The nextCursor of the previous page: the id of its last delivery. */
  cursor: z.uuid('must be the nextCursor of a previous page').optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
});

@ApiController('webhooks', 'workspace', 'Webhooks')
export class WebhooksController {
  constructor(
    private readonly create: CreateWebhook,
    private readonly update: UpdateWebhook,
    private readonly remove: DeleteWebhook,
    private readonly store: WebhooksStore,
  ) {}

  @Endpoint('POST', '', {
    summary:
      'Register an HTTPS endpoint for chat and message events (all types, or those listed); the signing secret is shown only in this answer',
    status: 201,
    response: schemaRef('CreatedWebhook', CreatedWebhook),
    errors: [422],
  })
  add(@Workspace() ws: WorkspaceCaller, @ZodBody(CreateWebhookBody) body: CreateWebhookBody) {
    return this.create.execute({ workspaceId: ws.workspaceId, body });
  }

  @Endpoint('GET', '', {
    summary: "List the workspace's webhook endpoints (never their secrets)",
    response: {
      type: 'object',
      properties: { items: { type: 'array', items: schemaRef('Webhook', Webhook) } },
    },
  })
  async list(@Workspace() ws: WorkspaceCaller) {
    return { items: (await this.store.list(ws.workspaceId)).map(toWebhook) };
  }

  @Endpoint('GET', ':id', {
    summary: 'One webhook endpoint',
    response: schemaRef('Webhook', Webhook),
    errors: [404],
  })
  async get(@Workspace() ws: WorkspaceCaller, @IdParam('id') id: string) {
    const endpoint = await this.store.find(ws.workspaceId, id);
    if (!endpoint) throw AppError.notFound('Webhook');
    return toWebhook(endpoint);
  }

  @Endpoint('PATCH', ':id', {
    summary: 'Change an endpoint (url, description, events); enabled: true turns a disabled one back on',
    response: schemaRef('Webhook', Webhook),
    errors: [404],
  })
  change(
    @Workspace() ws: WorkspaceCaller,
    @IdParam('id') id: string,
    @ZodBody(UpdateWebhookBody) body: UpdateWebhookBody,
  ) {
    return this.update.execute({ workspaceId: ws.workspaceId, id, body });
  }

  @Endpoint('DELETE', ':id', {
    summary: 'Delete an endpoint and its deliveries',
    response: schemaRef('Webhook', Webhook),
    errors: [404],
  })
  delete(@Workspace() ws: WorkspaceCaller, @IdParam('id') id: string) {
    return this.remove.execute({ workspaceId: ws.workspaceId, id });
  }

  @Endpoint('GET', ':id/deliveries', {
    summary:
      "An endpoint's deliveries, newest first, with their outcome (status, attempts, last HTTP status or error); ?status= keeps one outcome, paged by nextCursor",
    response: pageOf('WebhookDelivery', WebhookDelivery),
    errors: [404],
  })
  async deliveries(
    @Workspace() ws: WorkspaceCaller,
    @IdParam('id') id: string,
    @ZodQuery(DeliveriesQuery) query: z.infer<typeof DeliveriesQuery>,
  ) {
    if (!(await this.store.find(ws.workspaceId, id))) throw AppError.notFound('Webhook');
    const limit = query.limit ?? 50;
    const rows = await this.store.listDeliveries(ws.workspaceId, id, {
      limit,
      after: query.cursor,
      status: query.status,
    });
    const items = rows.slice(0, limit);
    return {
      items: items.map(toWebhookDelivery),
      nextCursor: rows.length > limit ? items[items.length - 1].id : null,
    };
  }
}
