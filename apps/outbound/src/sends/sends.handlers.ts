import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GetSendRecord, Send, SendRequested, type RequestPayload, type SendRequest } from '@app/contracts';
import { OnEvent, OnRequest } from '@app/messaging';
import { AcceptSendUseCase } from './accept-send.usecase';
import { DeliverSendUseCase } from './deliver-send.usecase';
import { GetSendRecordUseCase } from './get-send-record.usecase';

/** One conversation's sends go out in order; sends of different conversations in parallel. */
export const sendOrderKey = (r: SendRequest): string =>
  `${r.phoneNumberId}:${r.memberId ?? r.to ?? ''}:${r.channel}`;

@Controller()
export class SendsHandlers {
  constructor(
    private readonly accept: AcceptSendUseCase,
    private readonly deliver: DeliverSendUseCase,
    private readonly getRecord: GetSendRecordUseCase,
  ) {}

  // Most sends wait for their sender's rate slot, so many are in flight at once per replica.
  @OnEvent(SendRequested, { orderBy: sendOrderKey, concurrency: 256, ackWaitMs: 10_000 })
  async onSendRequested(@Payload() request: SendRequest): Promise<void> {
    await this.deliver.execute(request);
  }

  @OnRequest(Send)
  send(@Payload() request: SendRequest) {
    return this.accept.execute(request);
  }

  @OnRequest(GetSendRecord)
  get(@Payload() request: RequestPayload<typeof GetSendRecord>) {
    return this.getRecord.execute(request.workspaceId, request.sendId);
  }
}
