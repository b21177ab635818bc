import { Controller } from '@nestjs/common';
import {
  CancelScheduledEvent,
  ListScheduledEvents,
  ScheduleEvent,
  WorkspaceEventPublished,
} from '@app/contracts';
import { answer, consume, HandOver } from '@app/messaging';
import { HandleEventUseCase } from './handle-event.usecase';
import {
  CancelScheduledEventUseCase,
  ListScheduledEventsUseCase,
  ScheduleEventUseCase,
} from './scheduled-events.usecases';

@Controller()
export class EventsHandlers extends HandOver(
  consume(WorkspaceEventPublished, HandleEventUseCase),
  answer(ScheduleEvent, ScheduleEventUseCase),
  answer(CancelScheduledEvent, CancelScheduledEventUseCase),
  answer(ListScheduledEvents, ListScheduledEventsUseCase),
) {}
