import { Controller } from '@nestjs/common';
import { CloseChat, GetChat, ListChatMessages, ListChats, OpenChat } from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import { CloseChatUseCase } from './close-chat.usecase';
import { GetChatUseCase } from './get-chat.usecase';
import { ListChatMessagesUseCase } from './list-chat-messages.usecase';
import { ListChatsUseCase } from './list-chats.usecase';
import { OpenChatUseCase } from './open-chat.usecase';

@Controller()
export class ChatsHandlers extends HandOver(
  answer(ListChats, ListChatsUseCase),
  answer(GetChat, GetChatUseCase),
  answer(ListChatMessages, ListChatMessagesUseCase),
  answer(OpenChat, OpenChatUseCase),
  answer(CloseChat, CloseChatUseCase),
) {}
