import { z } from 'zod';
import { Id, Timestamp } from './common';
import { INTEGRATION } from './parties';
import { defineEvent } from './define';

export const WorkspaceEventPublished = defineEvent({
  subject: 'events.workspace.published',
  publishers: ['api', 'workflow', INTEGRATION],
  consumers: ['workflow'],
  stream: 'EVENTS',
  description:
    'A workspace event (form_submitted, task_entered, schedule_fired, or any type) that event rules match on; workflow publishes scheduled ones when due. Nats-Msg-Id = eventId.',
  schema: z.object({
    eventId: z.string().min(1).max(200),
    workspaceId: Id,
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_.-]{0,99}$/, 'must be a lower-case event type such as form_submitted'),
    memberId: Id.nullable(),
    data: z.record(z.string(), z.unknown()),
    occurredAt: Timestamp,
  }),
});
export type WorkspaceEventPublished = z.infer<typeof WorkspaceEventPublished.schema>;
