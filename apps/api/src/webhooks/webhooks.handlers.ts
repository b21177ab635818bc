import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ChatActivity } from '@app/contracts';
import { JetStreamContext, OnEvent } from '@app/messaging';
import { RecordWebhookEvent } from './record-webhook-event.usecase';

@Controller()
export class WebhooksHandlers {
  constructor(private readonly record: RecordWebhookEvent) {}

  /** Every workspace's chat activity (published on chat.activity.<workspaceId>), durably. */
  @OnEvent(ChatActivity, { filterSubject: 'chat.activity.>', durable: 'api__webhooks', concurrency: 32 })
  async onChatActivity(@Payload() activity: ChatActivity, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.record.execute({ activity, eventId: ctx.msgId ?? `seq:${ctx.streamSequence}` });
  }
}
