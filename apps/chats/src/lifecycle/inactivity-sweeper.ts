import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SERVICE_CONFIG } from '@app/runtime';
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
export class InactivitySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InactivitySweeper');
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ChatsConfig,
    private readonly chats: ChatsRepository,
    private readonly publisher: ChatClosedPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.CHATS_CLOSE_SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (;;) {
        const closed = await this.chats.closeInactive(BATCH);
        if (closed.length) {
          this.logger.log(`Closed ${closed.length} inactive chat(s)`);
          await this.publisher.closed(closed);
        }
        if (closed.length < BATCH) break;
      }
      while ((await this.publisher.flush(BATCH)) === BATCH);
    } catch (error) {
      this.logger.warn(
        `Inactive chats not swept this time: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.sweeping = false;
    }
  }
}
