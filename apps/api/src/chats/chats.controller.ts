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
import { clientIdempotencyKey, IdempotencyKey, SENDS_ONCE } from '../http/idempotency-key';
import { ZodBody } from '../http/validation';
import { AssignChatBody, AssignChatToUser, ChatReplyBody, InboxAgents, SendChatReply } from './inbox';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { pageOf, schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, queryBool, queryCursor, queryInt, ZodQuery } from '../http/validation';

const ListQuery = z
  .object({
    channel: Channel.optional(),
    memberId: Id.optional(),
    waiting: queryBool.meta({
      description: 'true: the queue only (open chats waiting for a person), the longest waiting first.',
      example: 'true',
    }),
    limit: queryInt(1, 200),
    cursor: queryCursor,
  })
  .strict();
// newest: the last `limit` messages (still oldest first), e.g. a chat's latest message for the inbox.
const MessagesQuery = z.object({ limit: queryInt(1, 500), newest: queryBool }).strict();

@ApiController('chats', 'workspace', 'Chats')
export class ChatsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly agents: InboxAgents,
    private readonly reply: SendChatReply,
    private readonly assigner: AssignChatToUser,
  ) {}

  @Endpoint('GET', '', {
    summary:
      "The workspace's chats, newest first, by channel (sms, whatsapp) and member; with waiting=true the queue, the longest waiting first",
    description:
      'The queue holds the open chats waiting for a person (`waitingSince`): the AI handed them off (`handoffReason`) or their number is in `human` mode. Taking a chat over or a person answering it takes it out.',
    response: pageOf('Chat', Chat),
  })
  list(@Workspace() ws: WorkspaceCaller, @ZodQuery(ListQuery) query: z.infer<typeof ListQuery>) {
    return this.services.askAs(ws, ListChats, query);
  }

  @Endpoint('GET', ':id', { summary: 'One chat', response: schemaRef('Chat', Chat), errors: [404] })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    return this.services.askAs(ws, GetChat, { chatId });
  }

  @Endpoint('GET', ':id/messages', {
    summary:
      "A chat's messages in order, with delivery status and error reason: the first `limit`, or with newest=true the last `limit` (still oldest first)",
    response: pageOf('ChatMessage', ChatMessage),
    errors: [404],
  })
  messages(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() chatId: string,
    @ZodQuery(MessagesQuery) query: z.infer<typeof MessagesQuery>,
  ) {
    return this.services.askAs(ws, ListChatMessages, { chatId, ...query });
  }

  @Endpoint('POST', ':id/close', {
    summary:
      "Close a chat: the member's next message opens a new chat with the number's current default workflow (a workflow an action pinned ends here). Closing a closed chat changes nothing.",
    status: 200,
    response: schemaRef('Chat', Chat),
    errors: [404],
  })
  close(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    return this.services.askAs(ws, CloseChat, { chatId, reason: 'request' });
  }

  @Endpoint('POST', ':id/takeover', {
    summary:
      'Take over a chat: the workflow runs no turns for it (inbound messages are still stored and shown, keywords still work) until you hand it back',
    description: 'Taking over a chat you hold already changes nothing. 409 when someone else holds it.',
    response: schemaRef('Chat', Chat),
    errors: [404, 409],
  })
  async takeOver(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    const agent = await this.agents.of(ws);
    return this.services.askAs(ws, TakeOverChat, { chatId, agent });
  }

  @Endpoint('POST', ':id/handback', {
    summary:
      "Hand a chat you hold back to the workflow: it answers the member's next message, with what arrived meanwhile in its history",
    description: 'A chat nobody holds is returned unchanged. 409 when someone else holds it.',
    response: schemaRef('Chat', Chat),
    errors: [404, 409],
  })
  async handBack(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    const agent = await this.agents.of(ws);
    return this.services.askAs(ws, HandBackChat, { chatId, agent });
  }

  @Endpoint('POST', ':id/read', {
    summary: 'Mark a chat read in the inbox: its unread count goes back to 0',
    response: schemaRef('Chat', Chat),
    errors: [404],
  })
  read(@Workspace() ws: WorkspaceCaller, @IdParam() chatId: string) {
    return this.services.askAs(ws, MarkChatRead, { chatId });
  }

  @Endpoint('POST', ':id/assign', {
    summary:
      'Assign a chat to the user who should take it (a user of this workspace), or to nobody with userId null',
    description:
      'Shown as `assignedTo` (the user and their email) and on the stream (chat.assigned). 422 when the user is not an active user of this workspace; 409 for a closed chat.',
    response: schemaRef('Chat', Chat),
    errors: [404, 409, 422],
  })
  assign(
    @Workspace() ws: WorkspaceCaller,
    @IdParam() chatId: string,
    @ZodBody(AssignChatBody) body: AssignChatBody,
  ) {
    return this.assigner.execute({ ws, chatId, body });
  }

  @NeedsPermission('send')
  @Endpoint('POST', ':id/messages', {
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
    @IdempotencyKey(SENDS_ONCE) header: string | undefined,
  ) {
    return this.reply.execute({
      ws,
      chatId,
      body,
      clientKey: clientIdempotencyKey(header, body.idempotencyKey),
    });
  }
}
