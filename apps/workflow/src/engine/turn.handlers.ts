import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ChatTurnReady } from '@app/contracts';
import { OnEvent } from '@app/messaging';
import { TakeTurn } from './take-turn.usecase';

@Controller()
export class TurnHandlers {
  constructor(private readonly takeTurn: TakeTurn) {}

  // One chat's turns one at a time, in order (an agent turn may take a while: heartbeats keep the delivery).
  @OnEvent(ChatTurnReady, { orderBy: (t) => t.chatId, ackWaitMs: 10_000 })
  async handle(@Payload() event: ChatTurnReady): Promise<void> {
    await this.takeTurn.execute(event);
  }
}
