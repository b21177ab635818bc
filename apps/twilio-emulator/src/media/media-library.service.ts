import { Inject, Injectable } from '@nestjs/common';
import { EMULATOR_CONFIG, type EmulatorConfig } from '../config';

export interface HostedMedia {
  contentType: string;
  bytes: Buffer;
}

/** The files phones sent, in memory, by media SID. */
@Injectable()
export class MediaLibrary {
  private readonly files = new Map<string, HostedMedia>();

  constructor(@Inject(EMULATOR_CONFIG) private readonly config: EmulatorConfig) {}

  get accountSid(): string {
    return this.config.accountSid;
  }

  add(sid: string, media: HostedMedia): void {
    this.files.set(sid, media);
  }

  get(sid: string): HostedMedia | undefined {
    return this.files.get(sid);
  }
}
