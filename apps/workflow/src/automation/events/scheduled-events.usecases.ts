import { Injectable } from '@nestjs/common';
import {
  AppError,
  type CancelScheduledEvent,
  type ListScheduledEvents,
  type RequestPayload,
  type ScheduleEvent,
  type ScheduledEvent,
} from '@app/contracts';
import type { Answer } from '@app/messaging';
import { found, pageOf } from '@app/persistence';
import { EventSweeper } from './event-sweeper';
import { ScheduledEventsRepository, type StoredEvent } from './scheduled-events.repository';

const view = ({ workspaceId: _ws, ...event }: StoredEvent): ScheduledEvent => event;

/** Stores an event to fire at `at`; one that is already due fires before the answer. */
@Injectable()
export class ScheduleEventUseCase {
  constructor(
    private readonly events: ScheduledEventsRepository,
    private readonly sweeper: EventSweeper,
  ) {}

  async execute(request: RequestPayload<typeof ScheduleEvent>): Answer<typeof ScheduleEvent> {
    const stored = await this.events.schedule(request);
    if (stored.status !== 'scheduled' || new Date(stored.at) > new Date()) return view(stored);
    await this.sweeper.sweep();
    return view((await this.events.get(request.workspaceId, request.eventId)) ?? stored);
  }
}

/** Cancels a scheduled event; one that fired (or was cancelled) is a conflict, saying which. */
@Injectable()
export class CancelScheduledEventUseCase {
  constructor(private readonly events: ScheduledEventsRepository) {}

  async execute(request: RequestPayload<typeof CancelScheduledEvent>): Answer<typeof CancelScheduledEvent> {
    const cancelled = await this.events.cancel(request.workspaceId, request.eventId);
    if (cancelled) return view(cancelled);
    const event = found(await this.events.get(request.workspaceId, request.eventId), 'Event');
    throw new AppError(
      'conflict',
      event.status === 'fired'
        ? `The event already fired at ${event.firedAt}; it can no longer be cancelled.`
        : 'The event is already cancelled.',
    );
  }
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(.{1,200})$/;

/** A workspace's events, soonest first, optionally of one status. */
@Injectable()
export class ListScheduledEventsUseCase {
  constructor(private readonly events: ScheduledEventsRepository) {}

  async execute(request: RequestPayload<typeof ListScheduledEvents>): Answer<typeof ListScheduledEvents> {
    let after: { at: string; eventId: string } | null = null;
    if (request.cursor !== null) {
      const match = CURSOR.exec(Buffer.from(request.cursor, 'base64url').toString('utf8'));
      if (!match) throw new AppError('invalid_input', 'cursor: not a cursor from an earlier page.');
      after = { at: match[1], eventId: match[2] };
    }
    const rows = await this.events.page(
      request.workspaceId,
      request.status ?? null,
      after,
      request.limit + 1,
    );
    const page = pageOf(rows, request.limit, (last) =>
      Buffer.from(`${last.at}|${last.eventId}`).toString('base64url'),
    );
    return { items: page.rows.map(view), nextCursor: page.nextCursor };
  }
}
