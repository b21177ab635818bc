import { Delete, Get, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import { AppError } from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { schemaRef } from '../http/openapi';
import { IdParam, queryInt, ZodBody, ZodQuery } from '../http/validation';
import { CreateWebhook, DeleteWebhook, UpdateWebhook } from './manage-webhooks.usecase';
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

const DeliveriesQuery = z.object({ limit: queryInt(1, 200) });

@ApiController('webhooks', 'workspace', 'Webhooks')
export class WebhooksController {
  constructor(
    private readonly create: CreateWebhook,
    private readonly update: UpdateWebhook,
    private readonly remove: DeleteWebhook,
    private readonly store: WebhooksStore,
  ) {}

  @Post()
  @Endpoint({
    summary:
      'Register an HTTPS endpoint for chat and message events (all types, or those listed); the signing secret is shown only in this answer',
    status: 201,
    response: schemaRef('CreatedWebhook', CreatedWebhook),
    errors: [422],
  })
  add(@Workspace() ws: WorkspaceCaller, @ZodBody(CreateWebhookBody) body: CreateWebhookBody) {
    return this.create.execute({ workspaceId: ws.workspaceId, body });
  }

  @Get()
  @Endpoint({
    summary: "List the workspace's webhook endpoints (never their secrets)",
    response: {
      type: 'object',
      properties: { items: { type: 'array', items: schemaRef('Webhook', Webhook) } },
    },
  })
  async list(@Workspace() ws: WorkspaceCaller) {
    return { items: (await this.store.list(ws.workspaceId)).map(toWebhook) };
  }

  @Get(':id')
  @Endpoint({ summary: 'One webhook endpoint', response: schemaRef('Webhook', Webhook), errors: [404] })
  async get(@Workspace() ws: WorkspaceCaller, @IdParam('id') id: string) {
    const endpoint = await this.store.find(ws.workspaceId, id);
    if (!endpoint) throw AppError.notFound('Webhook');
    return toWebhook(endpoint);
  }

  @Patch(':id')
  @Endpoint({
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

  @Delete(':id')
  @Endpoint({
    summary: 'Delete an endpoint and its deliveries',
    response: schemaRef('Webhook', Webhook),
    errors: [404],
  })
  delete(@Workspace() ws: WorkspaceCaller, @IdParam('id') id: string) {
    return this.remove.execute({ workspaceId: ws.workspaceId, id });
  }

  @Get(':id/deliveries')
  @Endpoint({
    summary:
      "An endpoint's latest deliveries, newest first, with their outcome (status, attempts, last HTTP status or error)",
    response: {
      type: 'object',
      properties: { items: { type: 'array', items: schemaRef('WebhookDelivery', WebhookDelivery) } },
    },
    errors: [404],
  })
  async deliveries(
    @Workspace() ws: WorkspaceCaller,
    @IdParam('id') id: string,
    @ZodQuery(DeliveriesQuery) query: z.infer<typeof DeliveriesQuery>,
  ) {
    if (!(await this.store.find(ws.workspaceId, id))) throw AppError.notFound('Webhook');
    return {
      items: (await this.store.listDeliveries(ws.workspaceId, id, query.limit ?? 50)).map(toWebhookDelivery),
    };
  }
}
