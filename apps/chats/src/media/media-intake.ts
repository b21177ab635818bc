import { Logger } from '@nestjs/common';
import type { Channel, Media } from '@app/contracts';
import { fetchMedia, type MediaStore } from '@app/media';
import { maxMediaBytes, mediaKind, mediaRefusal } from '@app/rules';
import type { Transcriber } from './transcriber';

export interface MediaIntakeOptions {
  store: MediaStore;
  credentials?: { username: string; password: string };
  /** Unset: voice notes are kept, and the agent is told one arrived. */
  transcriber?: Transcriber;
  downloadTimeoutMs: number;
}

/**
 * Keeps the files an inbound message carries before it is stored: each is downloaded with the
 * account's credentials, checked against the channel's limits (@app/rules), kept in the media
 * store under `<workspace>/<message sid>/<index>`, and a voice note transcribed. A file that
 * cannot be kept stays in the message with the reason, for the chat and the agent to say so.
 */
export class MediaIntake {
  private readonly logger = new Logger(MediaIntake.name);

  constructor(private readonly options: MediaIntakeOptions) {}

  async keep(message: {
    workspaceId: string;
    twilioSid: string;
    channel: Channel;
    media: Media[];
  }): Promise<Media[]> {
    return Promise.all(message.media.map((media, index) => this.keepOne(message, media, index)));
  }

  private async keepOne(
    message: { workspaceId: string; twilioSid: string; channel: Channel },
    media: Media,
    index: number,
  ): Promise<Media> {
    if (media.stored || media.refused) return media;
    const refusal = mediaRefusal(message.channel, media.contentType, null);
    if (refusal) return { ...media, refused: refusal };
    const fetched = await fetchMedia(media.url, {
      credentials: this.options.credentials,
      maxBytes: maxMediaBytes(message.channel, media.contentType),
      timeoutMs: this.options.downloadTimeoutMs,
    });
    if (!fetched.ok) {
      this.logger.warn(`A file of message ${message.twilioSid} was not kept: ${fetched.reason}`);
      return { ...media, refused: { code: fetched.code, reason: fetched.reason } };
    }
    const key = `${message.workspaceId}/${message.twilioSid}/${index}`;
    await this.options.store.put(key, fetched.bytes, fetched.contentType);
    const kept: Media = { ...media, stored: { key, size: fetched.bytes.length } };
    if (mediaKind(media.contentType) !== 'audio' || !this.options.transcriber) return kept;
    try {
      return {
        ...kept,
        transcript: await this.options.transcriber.transcribe(fetched.bytes, media.contentType),
      };
    } catch (error) {
      // The voice note is kept; without its text the agent is told a voice note arrived.
      this.logger.warn(`A voice note of message ${message.twilioSid} was not transcribed: ${String(error)}`);
      return kept;
    }
  }
}
