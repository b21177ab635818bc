import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AppError,
  GetMember,
  Id,
  ScheduleEvent,
  ScheduledEventStatus,
  Timestamp,
  WorkspaceEventPublished,
} from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ClientIdempotencyKey } from '../http/idempotency-key';
import { ServiceClient } from '../http/service-client';

const fields = WorkspaceEventPublished.schema.shape;

export const PublishEventBody = z
  .object({
    type: fields.type,
    memberId: Id.nullable().optional(),
    data: fields.data.optional(),
    occurredAt: Timestamp.optional(),
    /** When to fire it: absent or past fires now; a future time stores it until then (cancellable). */
    at: Timestamp.optional(),
    /** The client's retry key (as the Idempotency-Key header): the same key publishes once. */
    eventId: ClientIdempotencyKey.optional(),
  })
  .strict()
  .meta({
    example: {
      type: 'appointment_due',
      memberId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      data: { appointment_at: '2026-12-04T09:30:00Z' },
      at: '2026-12-03T09:30:00Z',
    },
  });
export type PublishEventBody = z.infer<typeof PublishEventBody>;

/**
 * The event id for a client's retry key: the same key in the same workspace always gives the same
 * id (so JetStream keeps one event), and two workspaces never share one.
 */
export function eventIdFor(workspaceId: string, clientKey: string): string {
  const h = createHash('sha256').update(`${workspaceId}\n${clientKey}`).digest('hex');
  // Formatted as an RFC 9562 version-8 (custom) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const EventAccepted = z.object({
  eventId: z.string(),
  /** `fired`: published for the rules now; `scheduled`: stored to fire at `at`. */
  status: ScheduledEventStatus,
  at: Timestamp,
});
export type EventAccepted = z.infer<typeof EventAccepted>;

/**
 * `POST /v1/events`: publishes a workspace event for the rules, once per event id. One due now
 * goes straight to JetStream (durable even while workflow is down); a future one is stored by
 * workflow, which fires it at `at`.
 */
@Injectable()
export class PublishEvent {
  private readonly logger = new Logger(PublishEvent.name);

  constructor(
    private readonly messaging: MessagingClient,
    private readonly services: ServiceClient,
  ) {}

  async execute(
    ws: WorkspaceCaller,
    body: PublishEventBody,
    clientKey: string | undefined,
  ): Promise<EventAccepted> {
    const memberId = body.memberId ?? null;
    // Another workspace's member is a 404 here rather than a silent skip in the rules.
    if (memberId) await this.services.ask(GetMember, { workspaceId: ws.workspaceId, memberId });
    const eventId = clientKey ? eventIdFor(ws.workspaceId, clientKey) : randomUUID();
    if (body.at && new Date(body.at) > new Date()) {
      const stored = await this.services.ask(ScheduleEvent, {
        workspaceId: ws.workspaceId,
        eventId,
        type: body.type,
        memberId,
        data: body.data ?? {},
        at: new Date(body.at).toISOString(),
      });
      this.logger.log(
        `Event ${eventId} (${body.type}) scheduled for ${stored.at} in workspace ${ws.workspaceId}`,
      );
      return { eventId, status: stored.status, at: stored.at };
    }
    const event = {
      eventId,
      workspaceId: ws.workspaceId,
      type: body.type,
      memberId,
      data: body.data ?? {},
      occurredAt: body.occurredAt ?? new Date().toISOString(),
    };
    const at = body.at ? new Date(body.at).toISOString() : new Date().toISOString();
    try {
      const { duplicate } = await this.messaging.publish(WorkspaceEventPublished, event, { msgId: eventId });
      this.logger.log(
        `Event ${eventId} (${body.type}) ${duplicate ? 'already published' : 'published'} for workspace ${ws.workspaceId}`,
      );
    } catch (error) {
      this.logger.warn(
        `Event ${eventId} could not be published: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw new AppError(
        'unavailable',
        'The event could not be stored right now; retry with the same Idempotency-Key.',
      );
    }
    return { eventId, status: 'fired', at };
  }
}
