import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@app/persistence';
import type { OpenChat, RequestPayload } from '@app/contracts';
import type { Answer } from '@app/messaging';
import { parseInactivityCloseAfter } from '@app/rules';
import type { DataSource } from 'typeorm';
import { chatsOpened } from '../chats-metrics';
import { ChatClosedPublisher } from '../lifecycle/chat-closed.publisher';
import { ChatsRepository } from '../store/chats.repository';
import { toChat } from '../store/views';

/**
 * The open chat of a number, member and channel, created if none (rules that start a
 * conversation). A chat past its inactivity time is closed first, so the start gets a new chat.
 */
@Injectable()
export class OpenChatUseCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chats: ChatsRepository,
    private readonly closes: ChatClosedPublisher,
  ) {}

  async execute(r: RequestPayload<typeof OpenChat>): Answer<typeof OpenChat> {
    const parsed = r.inactivityCloseAfter ? parseInactivityCloseAfter(r.inactivityCloseAfter) : null;
    const activity = {
      at: new Date(),
      closeAfterSeconds: parsed && 'seconds' in parsed ? parsed.seconds : undefined,
    };
    const { chat, created, closed } = await this.db.transaction(async (m) => {
      const opened = await this.chats.openOrGet(m, r, 'request', activity);
      // Starting a conversation counts as activity: the chat stays open its full time from now.
      await this.chats.touchOpen(m, opened.chat.id, activity);
      return { ...opened, chat: (await this.chats.get(r.workspaceId, opened.chat.id, m))! };
    });
    if (closed.length) await this.closes.closed(closed);
    if (created) chatsOpened.inc({ channel: chat.channel, origin: 'request' });
    return { chat: toChat(chat), created };
  }
}
