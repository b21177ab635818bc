import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CheckSend, CheckSendToAddress, type RequestPayload } from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { CheckSendToAddressUseCase } from './check-send-to-address.usecase';
import { CheckSendUseCase } from './check-send.usecase';

@Controller()
export class SendCheckHandlers {
  constructor(
    private readonly checkSend: CheckSendUseCase,
    private readonly checkSendToAddress: CheckSendToAddressUseCase,
  ) {}

  @OnRequest(CheckSend)
  check(@Payload() r: RequestPayload<typeof CheckSend>) {
    return this.checkSend.execute(r.workspaceId, r.memberId, r.channel, r.kind);
  }

  @OnRequest(CheckSendToAddress)
  checkAddress(@Payload() r: RequestPayload<typeof CheckSendToAddress>) {
    return this.checkSendToAddress.execute(r.workspaceId, r.phone, r.channel, r.kind);
  }
}
