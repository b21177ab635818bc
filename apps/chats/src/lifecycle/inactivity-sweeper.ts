import { Inject, Injectable } from '@nestjs/common';
import { PeriodicSweeper, SERVICE_CONFIG } from '@app/runtime';
import type { ChatsConfig } from '../config';
import { ChatsRepository } from '../store/chats.repository';
import { ChatClosedPublisher } from './chat-closed.publisher';

const BATCH = 500;

/**
 * Closes chats whose inactivity time has passed, every CHATS_CLOSE_SWEEP_MS on every replica:
 * each chat is closed by one UPDATE (rows locked by a sweep or a message being stored are
 * skipped), so replicas never close one twice. Then publishes the chat.closed events still owed.
 */
@Injectable()
export class InactivitySweeper extends PeriodicSweeper {
  constructor(
    @Inject(SERVICE_CONFIG) config: ChatsConfig,
    private readonly chats: ChatsRepository,
    private readonly publisher: ChatClosedPublisher,
  ) {
    super({ everyMs: config.CHATS_CLOSE_SWEEP_MS, failure: 'Inactive chats not swept this time' });
  }

  protected async sweepOnce(): Promise<void> {
    for (;;) {
      const closed = await this.chats.closeInactive(BATCH);
      if (closed.length) {
        this.logger.log(`Closed ${closed.length} inactive chat(s)`);
        await this.publisher.closed(closed);
      }
      if (closed.length < BATCH) break;
    }
    while ((await this.publisher.flush(BATCH)) === BATCH);
  }
}
