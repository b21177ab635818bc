import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CheckSend, type RequestPayload } from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { CheckSendUseCase } from './check-send.usecase';

@Controller()
export class SendCheckHandlers {
  constructor(private readonly checkSend: CheckSendUseCase) {}

  @OnRequest(CheckSend)
  check(@Payload() r: RequestPayload<typeof CheckSend>) {
    return this.checkSend.execute(r.workspaceId, r.memberId, r.channel, r.kind);
  }
}
