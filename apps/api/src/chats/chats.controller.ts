import { Get, Headers, Post } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { z } from 'zod';
import {
  Channel,
  Chat,
  ChatMessage,
  CloseChat,
  GetChat,
  HandBackChat,
  Id,
  ListChatMessages,
  ListChats,
  MarkChatRead,
  SendResult,
  TakeOverChat,
} from '@app/contracts';
import { NeedsPermission } from '../auth/access.guard';
import { clientIdempotencyKey } from '../http/idempotency-key';
import { ZodBody } from '../http/validation';
import { ChatReplyBody, InboxAgents, SendChatReply } from './inbox';
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
  constructor(
    private readonly services: ServiceClient,
    private readonly agents: InboxAgents,
    private readonly reply: SendChatReply,
  ) {}

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

  @Post(':id/takeover')
  @Endpoint({
    summary:
      'Take over a chat: the workflow runs no turns for it (inbound messages are still stored and shown, keywords still work) until you hand it back',
    description: 'Taking over a chat you hold already changes nothing. 409 when someone else holds it.',
    response: schemaRef('Chat', Chat),
    errors: [404, 409],
  })
  async takeOver(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    const agent = await this.agents.of(ws);
    return this.services.ask(TakeOverChat, { workspaceId: ws.workspaceId, chatId, agent });
  }

  @Post(':id/handback')
  @Endpoint({
    summary:
      "Hand a chat you hold back to the workflow: it answers the member's next message, with what arrived meanwhile in its history",
    description: 'A chat nobody holds is returned unchanged. 409 when someone else holds it.',
    response: schemaRef('Chat', Chat),
    errors: [404, 409],
  })
  async handBack(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    const agent = await this.agents.of(ws);
    return this.services.ask(HandBackChat, { workspaceId: ws.workspaceId, chatId, agent });
  }

  @Post(':id/read')
  @Endpoint({
    summary: 'Mark a chat read in the inbox: its unread count goes back to 0',
    response: schemaRef('Chat', Chat),
    errors: [404],
  })
  read(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    return this.services.ask(MarkChatRead, { workspaceId: ws.workspaceId, chatId });
  }

  @Post(':id/messages')
  @NeedsPermission('send')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key sends at most one message (or give idempotencyKey in the body).',
  })
  @Endpoint({
    summary:
      "Reply in a chat you hold (took over): sent on the chat's number and channel as a reply (opt-out still stops it); the answer says queued, skipped or failed and why",
    description:
      '409 when you do not hold the chat (take it over first) or it is closed. 422 for a free-form WhatsApp reply outside the 24-hour window (the member has not written for 24 hours): only an approved template can reach them then.',
    status: 202,
    response: schemaRef('SendResult', SendResult),
    errors: [404, 409, 422],
  })
  send(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() chatId: string,
    @ZodBody(ChatReplyBody) body: ChatReplyBody,
    @Headers('idempotency-key') header: string | undefined,
  ) {
    return this.reply.execute({
      ws,
      chatId,
      body,
      clientKey: clientIdempotencyKey(header, body.idempotencyKey),
    });
  }
}
