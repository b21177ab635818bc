import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  conversationKey,
  GetConversationWindows,
  MessageAccepted,
  type RequestPayload,
} from '@app/contracts';
import { OnEvent, OnRequest } from '@app/messaging';
import { ListWindowsUseCase } from './list-windows.usecase';
import { RecordInboundUseCase } from './record-inbound.usecase';

@Controller()
export class WindowsHandlers {
  constructor(
    private readonly recordInbound: RecordInboundUseCase,
    private readonly listWindows: ListWindowsUseCase,
  ) {}

  @OnEvent(MessageAccepted, { orderBy: (m) => conversationKey(m) })
  async onMessageAccepted(@Payload() message: MessageAccepted): Promise<void> {
    await this.recordInbound.execute(message);
  }

  @OnRequest(GetConversationWindows)
  list(@Payload() request: RequestPayload<typeof GetConversationWindows>) {
    return this.listWindows.execute(request.workspaceId, request.memberId);
  }
}
