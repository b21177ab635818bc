import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CloseChat,
  GetChat,
  ListChatMessages,
  ListChats,
  OpenChat,
  type RequestPayload,
} from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { CloseChatUseCase } from './close-chat.usecase';
import { GetChatUseCase } from './get-chat.usecase';
import { ListChatMessagesUseCase } from './list-chat-messages.usecase';
import { ListChatsUseCase } from './list-chats.usecase';
import { OpenChatUseCase } from './open-chat.usecase';

@Controller()
export class ChatsHandlers {
  constructor(
    private readonly listChats: ListChatsUseCase,
    private readonly getChat: GetChatUseCase,
    private readonly listMessages: ListChatMessagesUseCase,
    private readonly openChat: OpenChatUseCase,
    private readonly closeChat: CloseChatUseCase,
  ) {}

  @OnRequest(ListChats)
  list(@Payload() r: RequestPayload<typeof ListChats>) {
    return this.listChats.execute(r);
  }

  @OnRequest(GetChat)
  get(@Payload() r: RequestPayload<typeof GetChat>) {
    return this.getChat.execute(r.workspaceId, r.chatId);
  }

  @OnRequest(ListChatMessages)
  messages(@Payload() r: RequestPayload<typeof ListChatMessages>) {
    return this.listMessages.execute(r);
  }

  @OnRequest(OpenChat)
  open(@Payload() r: RequestPayload<typeof OpenChat>) {
    return this.openChat.execute(r);
  }

  @OnRequest(CloseChat)
  close(@Payload() r: RequestPayload<typeof CloseChat>) {
    return this.closeChat.execute(r);
  }
}
