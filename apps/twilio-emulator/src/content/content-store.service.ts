import { Injectable } from '@nestjs/common';
import type { EmulatedContent } from './content.model';

/** Content created through the Content API, in memory, by SID (reset keeps it, as Twilio would). */
@Injectable()
export class ContentStore {
  private readonly contents = new Map<string, EmulatedContent>();

  add(content: EmulatedContent): void {
    this.contents.set(content.sid, content);
  }

  get(sid: string): EmulatedContent | undefined {
    return this.contents.get(sid);
  }
}
