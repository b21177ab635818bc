import { Controller } from '@nestjs/common';
import { AssignChat, HandBackChat, HandOffChat, MarkChatRead, TakeOverChat } from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import { AssignChatUseCase } from './assign-chat.usecase';
import { HandBackChatUseCase } from './hand-back-chat.usecase';
import { HandOffChatUseCase } from './hand-off-chat.usecase';
import { MarkChatReadUseCase } from './mark-chat-read.usecase';
import { TakeOverChatUseCase } from './take-over-chat.usecase';

@Controller()
export class InboxHandlers extends HandOver(
  answer(HandOffChat, HandOffChatUseCase),
  answer(AssignChat, AssignChatUseCase),
  answer(TakeOverChat, TakeOverChatUseCase),
  answer(HandBackChat, HandBackChatUseCase),
  answer(MarkChatRead, MarkChatReadUseCase),
) {}
