import { Inject, Injectable } from '@nestjs/common';
import type { ChatMessage } from '@app/contracts';
import { createMediaStore, type MediaStore } from '@app/media';
import { SERVICE_CONFIG } from '@app/runtime';
import type { ChatsConfig } from '../config';

/**
 * Gives each kept file of a message a signed URL that shows it until it expires (the bucket stays
 * private); a directory store signs nothing and the messages go out as they are. Signing is local
 * (no call to the store), and the URL is never stored: each read gets a fresh one.
 */
@Injectable()
export class MediaLinks {
  private readonly store: MediaStore;
  private readonly ttlSeconds: number;

  constructor(@Inject(SERVICE_CONFIG) config: ChatsConfig) {
    this.store = createMediaStore(config);
    this.ttlSeconds = config.MEDIA_URL_TTL_SECONDS;
  }

  async withLinks(messages: ChatMessage[]): Promise<ChatMessage[]> {
    return Promise.all(
      messages.map(async (message) => {
        if (!message.media.some((m) => m.stored)) return message;
        const media = await Promise.all(
          message.media.map(async (m) => {
            const viewUrl = m.stored ? await this.store.signedUrl(m.stored.key, this.ttlSeconds) : null;
            return viewUrl ? { ...m, viewUrl } : m;
          }),
        );
        return { ...message, media };
      }),
    );
  }
}
