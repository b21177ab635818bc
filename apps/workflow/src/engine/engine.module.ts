import { type DynamicModule, Module } from '@nestjs/common';
import { AgentModule } from '../agent/agent.module';
import type { AgentOptions } from '../agent/agent-options';
import { DefinitionsModule } from '../definitions/definitions.module';
import { ConversationStarter } from './conversation-starter';
import { MemberReachability } from './member-reachability';
import { ReplySender } from './reply-sender';
import { RunTurn } from './run-turn.usecase';
import { StartConversation } from './start-conversation.service';
import { TakeTurn } from './take-turn.usecase';
import { TurnHandlers } from './turn.handlers';
import { TurnStore } from './turn-store';

/** Runs workflows: inbound turns (chat.turn.ready) and chats that actions start (ConversationStarter). */
@Module({})
export class EngineModule {
  static forRoot(agent: AgentOptions): DynamicModule {
    return {
      module: EngineModule,
      imports: [DefinitionsModule, AgentModule.forRoot(agent)],
      controllers: [TurnHandlers],
      providers: [
        TurnStore,
        ReplySender,
        MemberReachability,
        RunTurn,
        TakeTurn,
        { provide: ConversationStarter, useClass: StartConversation },
      ],
      exports: [ConversationStarter],
    };
  }
}
