import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { GetSendRecord, Send, SendRequested, sendConversationKey, type SendRequest } from '@app/contracts';
import { answer, HandOver, JetStreamContext, OnEvent } from '@app/messaging';
import { AcceptSendUseCase } from './accept-send.usecase';
import { DeliverSendUseCase } from './deliver-send.usecase';
import { GetSendRecordUseCase } from './get-send-record.usecase';

/** One conversation's sends go out in order; sends of different conversations in parallel. */
export const sendOrderKey = (r: SendRequest): string => sendConversationKey(r);

/**
 * How often a send may go back to JetStream to wait for its rate slot (normally once; again when
 * it came back too late for it). Past this it waits in place, so it cannot bounce for ever.
 */
const MAX_DEFERRALS = 5;

/**
 * Sends waiting for a slot wait in JetStream, and JetStream counts them as unacknowledged: room
 * per durable (one per partition) for a broadcast of hundreds of thousands in the bulk lane
 * before a partition stops taking more (none is lost then, they wait in the stream).
 */
const BULK_WAITING = 20_000;
const CONVERSATION_WAITING = 5_000;

/** A lane's consumer: one conversation in order, bounded deferrals; the lanes differ in room. */
const sendLane = (lane: { lane?: string; concurrency: number; maxAckPending: number }) => ({
  orderBy: sendOrderKey,
  ackWaitMs: 10_000,
  maxDeferrals: MAX_DEFERRALS,
  ...lane,
});

@Controller()
export class SendsHandlers extends HandOver(
  answer(Send, AcceptSendUseCase),
  answer(GetSendRecord, GetSendRecordUseCase),
) {
  constructor(private readonly deliver: DeliverSendUseCase) {
    super();
  }

  /** Conversation lane: replies, STOP/START/HELP confirmations, notices; never behind a broadcast. */
  @OnEvent(SendRequested, sendLane({ concurrency: 256, maxAckPending: CONVERSATION_WAITING }))
  async onSendRequested(@Payload() request: SendRequest, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.deliver.execute(request, { mayDefer: ctx.deliveryCount <= MAX_DEFERRALS });
  }

  /** Bulk lane: broadcasts, routines, event rules, scheduled events, the API's system sends. */
  @OnEvent(SendRequested, sendLane({ lane: 'bulk', concurrency: 128, maxAckPending: BULK_WAITING }))
  async onBulkSendRequested(@Payload() request: SendRequest, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.deliver.execute(request, { mayDefer: ctx.deliveryCount <= MAX_DEFERRALS });
  }
}
