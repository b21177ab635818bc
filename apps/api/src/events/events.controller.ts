import { z } from 'zod';
import {
  CancelScheduledEvent,
  ListScheduledEvents,
  ScheduledEvent,
  ScheduledEventStatus,
} from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { ContractRoutes } from '../http/contract-routes';
import { clientIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { EventAccepted, PublishEvent, PublishEventBody } from './publish-event.usecase';
import { queryCursor, queryInt, ZodBody } from '../http/validation';
import { NeedsPermission } from '../auth/access.guard';

const ListQuery = z
  .object({ status: ScheduledEventStatus.optional(), limit: queryInt(1, 200), cursor: queryCursor })
  .strict();
const example = {
  eventId: '0b4f6c1e-2d3a-8e5f-9a6b-7c8d9e0f1a2b',
  type: 'appointment_due',
  memberId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  data: { appointment_at: '2026-12-04T09:30:00Z' },
  at: '2026-12-03T09:30:00Z',
  status: 'scheduled',
  firedAt: null,
  cancelledAt: null,
  createdAt: '2026-11-30T08:00:00Z',
};
// A constant: registered before the routes' schemas, as the document has always listed it.
const acceptedRef = schemaRef(
  'EventAccepted',
  EventAccepted.meta({
    example: {
      eventId: '0b4f6c1e-2d3a-8e5f-9a6b-7c8d9e0f1a2b',
      status: 'scheduled',
      at: '2026-12-03T09:30:00Z',
    },
  }),
);
const eventRef = () => schemaRef('ScheduledEvent', ScheduledEvent.meta({ example }));

@ApiController('events', 'workspace', 'Events')
export class EventsController extends ContractRoutes(
  { ids: { id: 'eventId' } },
  {
    list: {
      route: 'GET',
      summary:
        "The workspace's events, soonest `at` first, optionally of one status (scheduled, fired, cancelled), paged",
      response: pageOf('ScheduledEvent', ScheduledEvent),
      contract: ListScheduledEvents,
      query: ListQuery,
    },
    cancel: {
      route: 'DELETE :id',
      summary: 'Cancel a scheduled event before it fires (409 once it fired or was cancelled)',
      response: eventRef(),
      errors: [404, 409],
      contract: CancelScheduledEvent,
      decorators: [NeedsPermission('send')],
    },
  },
) {
  constructor(
    services: ServiceClient,
    private readonly publish: PublishEvent,
  ) {
    super(services);
  }

  @NeedsPermission('send')
  @Endpoint('POST', '', {
    summary:
      'Publish a workspace event (form_submitted, appointment_due...) for the event rules, now or at `at` (stored until then, cancellable)',
    status: 202,
    response: acceptedRef,
    errors: [404],
  })
  create(
    @Workspace() ws: WorkspaceCaller,
    @ZodBody(PublishEventBody) body: PublishEventBody,
    @IdempotencyKey('Retrying with the same key (or body eventId) publishes (or schedules) the event once.')
    header: string | undefined,
  ) {
    return this.publish.execute(ws, body, clientIdempotencyKey(header, body.eventId));
  }
}
