import { Headers, Post } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { z } from 'zod';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { clientIdempotencyKey } from '../http/idempotency-key';
import { schemaRef } from '../http/openapi';
import { PublishEvent, PublishEventBody } from './publish-event.usecase';
import { ZodBody } from '../http/validation';
import { NeedsPermission } from '../auth/access.guard';

const Accepted = z.object({ eventId: z.string() });

@ApiController('events', 'workspace', 'Events')
export class EventsController {
  constructor(private readonly publish: PublishEvent) {}

  @Post()
  @NeedsPermission('send')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key (or body eventId) publishes the event once.',
  })
  @Endpoint({
    summary: 'Publish a workspace event (form_submitted, task_entered...) for the event rules',
    status: 202,
    response: schemaRef('EventAccepted', Accepted),
    errors: [404],
  })
  create(
    @Workspace() ws: WorkspaceCaller,
    @ZodBody(PublishEventBody) body: PublishEventBody,
    @Headers('idempotency-key') header: string | undefined,
  ) {
    return this.publish.execute(ws, body, clientIdempotencyKey(header, body.eventId));
  }
}
