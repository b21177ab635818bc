import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ConversationStarter } from '../../engine/conversation-starter';

/**
 * Finds the engine's ConversationStarter wherever in the app it is provided, when a rule first
 * needs it: the rules do not import the engine's module, only its port.
 */
@Injectable()
export class ChatStarterLocator {
  private starter?: ConversationStarter | null;

  constructor(private readonly moduleRef: ModuleRef) {}

  get(): ConversationStarter | null {
    if (this.starter === undefined) {
      try {
        this.starter = this.moduleRef.get(ConversationStarter, { strict: false });
      } catch {
        return null; // not provided (yet): ask again next time
      }
    }
    return this.starter;
  }
}
