import { Injectable, Logger } from '@nestjs/common';
import type { MessageAccepted } from '@app/contracts';
import { ActivityPublisher } from '../activity/activity.publisher';
import { MediaDiagnosticsPublisher } from '../media/media-diagnostics.publisher';
import { ChatsRepository } from '../store/chats.repository';
import { StoreInboundMessageUseCase } from './store-inbound-message.usecase';
import { TurnPublisher } from './turn.publisher';

/** An accepted inbound message: stored once in its chat, then handed to the workflow. */
@Injectable()
export class ReceiveInboundUseCase {
  private readonly logger = new Logger('ReceiveInbound');

  constructor(
    private readonly store: StoreInboundMessageUseCase,
    private readonly turns: TurnPublisher,
    private readonly chats: ChatsRepository,
    private readonly activity: ActivityPublisher,
    private readonly mediaDiagnostics: MediaDiagnosticsPublisher,
  ) {}

  async execute(accepted: MessageAccepted): Promise<void> {
    const stored = await this.store.execute(accepted);
    if (!stored.stored)
      this.logger.debug(
        `Message ${accepted.twilioSid} was already in chat ${stored.chat.id}; publishing its turn again`,
      );
    // Just stored: the chat as the transaction left it (touched; a queued one is read again).
    const fresh = stored.stored && !stored.queued;
    const chat = fresh
      ? stored.chat
      : ((await this.chats.get(accepted.workspace.id, stored.chat.id)) ?? stored.chat);
    if (stored.chatCreated) await this.activity.publish('chat.opened', chat, { key: chat.id });
    await this.activity.publish('message.created', chat, {
      message: stored.message,
      key: stored.message.id,
    });
    if (stored.queued)
      await this.activity.publish('chat.waiting', chat, {
        key: `${chat.id}:${chat.waitingSince?.getTime()}`,
      });
    await this.mediaDiagnostics.publish(accepted, { chatId: chat.id, media: stored.message.media });
    await this.turns.publish(accepted, stored, chat);
  }
}
