import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { HandBackChat, MarkChatRead, TakeOverChat, type RequestPayload } from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { HandBackChatUseCase } from './hand-back-chat.usecase';
import { MarkChatReadUseCase } from './mark-chat-read.usecase';
import { TakeOverChatUseCase } from './take-over-chat.usecase';

@Controller()
export class InboxHandlers {
  constructor(
    private readonly takeOver: TakeOverChatUseCase,
    private readonly handBack: HandBackChatUseCase,
    private readonly markRead: MarkChatReadUseCase,
  ) {}

  @OnRequest(TakeOverChat)
  onTakeOver(@Payload() r: RequestPayload<typeof TakeOverChat>) {
    return this.takeOver.execute(r);
  }

  @OnRequest(HandBackChat)
  onHandBack(@Payload() r: RequestPayload<typeof HandBackChat>) {
    return this.handBack.execute(r);
  }

  @OnRequest(MarkChatRead)
  onRead(@Payload() r: RequestPayload<typeof MarkChatRead>) {
    return this.markRead.execute(r);
  }
}
