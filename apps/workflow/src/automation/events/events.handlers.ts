import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { WorkspaceEventPublished } from '@app/contracts';
import { OnEvent } from '@app/messaging';
import { HandleEventUseCase } from './handle-event.usecase';

@Controller()
export class EventsHandlers {
  constructor(private readonly handleEvent: HandleEventUseCase) {}

  @OnEvent(WorkspaceEventPublished)
  handle(@Payload() event: WorkspaceEventPublished) {
    return this.handleEvent.execute(event);
  }
}
