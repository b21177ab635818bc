import { Controller } from '@nestjs/common';
import { conversationKey, GetConversationWindows, MessageAccepted } from '@app/contracts';
import { answer, consume, HandOver } from '@app/messaging';
import { ListWindowsUseCase } from './list-windows.usecase';
import { RecordInboundUseCase } from './record-inbound.usecase';

@Controller()
export class WindowsHandlers extends HandOver(
  consume(MessageAccepted, RecordInboundUseCase, { orderBy: (m) => conversationKey(m) }),
  answer(GetConversationWindows, ListWindowsUseCase),
) {}
