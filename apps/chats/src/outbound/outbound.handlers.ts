import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OutboundMessageUpdated } from '@app/contracts';
import { OnEvent } from '@app/messaging';
import { ActivityPublisher } from '../activity/activity.publisher';
import { ChatsRepository } from '../store/chats.repository';
import { RecordOutboundUpdateUseCase } from './record-outbound-update.usecase';

@Controller()
export class OutboundHandlers {
  constructor(
    private readonly record: RecordOutboundUpdateUseCase,
    private readonly chats: ChatsRepository,
    private readonly activity: ActivityPublisher,
  ) {}

  // One send's updates in stream order; different sends in parallel.
  @OnEvent(OutboundMessageUpdated, { orderBy: (u) => u.sendId })
  async onOutboundMessageUpdated(@Payload() update: OutboundMessageUpdated): Promise<void> {
    const result = await this.record.execute(update);
    if (result.outcome === 'no_chat' || result.outcome === 'unchanged') return;
    const { message } = result;
    // Just created: the chat as the transaction left it; an update changed no chat, so it is read
    // (the usual update read it with the message).
    const chat =
      result.outcome === 'created'
        ? result.chat
        : (result.chat ?? (await this.chats.get(message.workspaceId, message.chatId)));
    if (!chat) return;
    if (result.outcome === 'created' && result.chatCreated)
      await this.activity.publish('chat.opened', chat, { key: chat.id });
    await this.activity.publish(result.outcome === 'created' ? 'message.created' : 'message.updated', chat, {
      message,
      key: `${message.id}:${message.status}`,
    });
    if (result.leftQueue) await this.activity.publish('chat.left_queue', chat, { key: `${message.id}` });
  }
}
