import { type DynamicModule, Module } from '@nestjs/common';
import { AbilitiesModule } from '../abilities/abilities.module';
import { AGENT_OPTIONS, type AgentOptions } from './agent-options';
import { AgentRunner } from './agent-runner';
import { ChatModel } from './chat-model';
import { MEDIA_STORE } from './member-images';
import { TypingIndicator } from './typing-indicator';
import { createMediaStore } from '@app/media';

/** Agent steps: an OpenAI-compatible model with the step's abilities as tools. */
@Module({})
export class AgentModule {
  static forRoot(options: AgentOptions): DynamicModule {
    return {
      module: AgentModule,
      imports: [AbilitiesModule],
      providers: [
        { provide: AGENT_OPTIONS, useValue: options },
        { provide: MEDIA_STORE, useValue: createMediaStore(options.media) },
        ChatModel,
        TypingIndicator,
        AgentRunner,
      ],
      exports: [AgentRunner],
    };
  }
}
