import { Get, Post } from '@nestjs/common';
import { z } from 'zod';
import {
  Channel,
  Chat,
  ChatMessage,
  CloseChat,
  GetChat,
  Id,
  ListChatMessages,
  ListChats,
} from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { pageOf, schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, queryCursor, queryInt, ZodQuery } from '../http/validation';

const ListQuery = z
  .object({
    channel: Channel.optional(),
    memberId: Id.optional(),
    limit: queryInt(1, 200),
    cursor: queryCursor,
  })
  .strict();
const MessagesQuery = z.object({ limit: queryInt(1, 500) }).strict();

@ApiController('chats', 'workspace', 'Chats')
export class ChatsController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Endpoint({
    summary: "The workspace's chats, newest first, by channel (sms, whatsapp) and member",
    response: pageOf('Chat', Chat),
  })
  list(@Workspace() ws: WorkspaceCaller, @ZodQuery(ListQuery) query: z.infer<typeof ListQuery>) {
    return this.services.ask(ListChats, {
      workspaceId: ws.workspaceId,
      ...query,
      cursor: query.cursor ?? null,
    });
  }

  @Get(':id')
  @Endpoint({ summary: 'One chat', response: schemaRef('Chat', Chat), errors: [404] })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    return this.services.ask(GetChat, { workspaceId: ws.workspaceId, chatId });
  }

  @Get(':id/messages')
  @Endpoint({
    summary: "A chat's messages in order, with delivery status and error reason",
    response: pageOf('ChatMessage', ChatMessage),
    errors: [404],
  })
  messages(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() chatId: string,
    @ZodQuery(MessagesQuery) query: z.infer<typeof MessagesQuery>,
  ) {
    return this.services.ask(ListChatMessages, { workspaceId: ws.workspaceId, chatId, ...query });
  }

  @Post(':id/close')
  @Endpoint({
    summary:
      "Close a chat: the member's next message opens a new chat with the number's current default workflow (a workflow an action pinned ends here). Closing a closed chat changes nothing.",
    status: 200,
    response: schemaRef('Chat', Chat),
    errors: [404],
  })
  close(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    return this.services.ask(CloseChat, { workspaceId: ws.workspaceId, chatId, reason: 'request' });
  }
}
