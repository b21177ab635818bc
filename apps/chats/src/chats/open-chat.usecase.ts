import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@app/persistence';
import type { OpenChat, RequestPayload, ResponsePayload } from '@app/contracts';
import type { DataSource } from 'typeorm';
import { chatsOpened } from '../chats-metrics';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/** The open chat of a number, member and channel, created if none (rules that start a conversation). */
@Injectable()
export class OpenChatUseCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chats: ChatsRepository,
  ) {}

  async execute(r: RequestPayload<typeof OpenChat>): Promise<ResponsePayload<typeof OpenChat>> {
    const { chat, created } = await this.db.transaction((m) => this.chats.openOrGet(m, r, 'request'));
    if (created) chatsOpened.inc({ channel: chat.channel, origin: 'request' });
    return { chat: toChat(chat), created };
  }
}
