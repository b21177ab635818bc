import { Headers, Inject, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, ChatActivity, CHAT_ACTIVITY_TYPES } from '@app/contracts';
import { WorkspaceInQuery } from '../auth/access.guard';
import type { WorkspaceCaller } from '../auth/key-scope';
import { Workspace } from '../auth/workspace.decorator';
import { API_CONFIG, type ApiConfig } from '../config';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { toOpenApi } from '../http/openapi';
import { ActivityFeed } from './activity-feed';
import { SseClient } from './sse-client';

const StreamQuery = z
  .object({ workspaceId: z.string().optional(), lastEventId: z.string().optional() })
  .strict();

/** A stream event's data: the ChatActivity without its workspace (the stream is the workspace's). */
const StreamEvent = ChatActivity.schema.omit({ workspaceId: true });

const EXAMPLE = [
  'retry: 3000',
  '',
  'id: 1042',
  'event: message.created',
  'data: {"type":"message.created","chat":{"id":"3f0c...","channel":"whatsapp","heldBy":null,"unreadCount":1,...},"message":{"id":"9b1e...","direction":"inbound","body":"Hi, can I move my appointment?","status":"received",...},"at":"2026-11-30T09:15:02.120Z"}',
  '',
  ': heartbeat',
  '',
  'event: resync',
  'data: {"reason":"slow_client"}',
  '',
].join('\n');

const STREAM_EVENT_EXAMPLE = {
  type: 'message.created',
  chat: {
    id: '3f0c6a52-7d1e-4b8a-9c2f-5e6d7a8b9c0d',
    workspaceId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    phoneNumberId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    memberId: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    channel: 'whatsapp',
    status: 'open',
    lastMessageAt: '2026-11-30T09:15:02.000Z',
    createdAt: '2026-11-30T09:14:40.000Z',
    heldBy: null,
    waitingSince: null,
    handoffReason: null,
    assignedTo: null,
    unreadCount: 1,
    closesAt: '2026-12-01T09:15:02.000Z',
    closedAt: null,
    closedReason: null,
  },
  message: {
    id: '9b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    chatId: '3f0c6a52-7d1e-4b8a-9c2f-5e6d7a8b9c0d',
    direction: 'inbound',
    body: 'Hi, can I move my appointment?',
    contentSid: null,
    media: [],
    status: 'received',
    errorCode: null,
    errorReason: null,
    twilioSid: 'SM0123456789abcdef0123456789abcdef',
    sendId: null,
    createdAt: '2026-11-30T09:15:02.000Z',
  },
  at: '2026-11-30T09:15:02.120Z',
  // Typed, so a field added to the chat or message breaks the build rather than the example.
} satisfies z.infer<typeof StreamEvent>;

@ApiController('stream', 'workspace', 'Live stream')
export class StreamController {
  constructor(
    private readonly feed: ActivityFeed,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @WorkspaceInQuery()
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description:
      'The id of the last event received: the events after it are sent first (EventSource sends it on reconnect).',
    example: '1042',
  })
  @ApiQuery({
    name: 'workspaceId',
    required: false,
    description: 'With a session: the workspace, for browsers that cannot set X-Workspace-Id (EventSource).',
  })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'Same as the Last-Event-ID header.' })
  @Endpoint('GET', '', {
    summary:
      "Server-Sent Events of the workspace's chats as they happen: " +
      CHAT_ACTIVITY_TYPES.join(', ') +
      '; each event id is its position in the stream, and reconnecting with Last-Event-ID replays what was missed',
    description:
      'Each event names its type and carries the chat as it is now (and the message for message.* events). ' +
      'A comment line (": heartbeat") comes every 15 s. An event "resync" means events were missed ' +
      '(the client read too slowly and is disconnected, or more were missed than a reconnect replays): ' +
      'reload the chats, then carry on.\n\n```\n' +
      EXAMPLE +
      '\n```',
    response: { ...toOpenApi(StreamEvent), example: STREAM_EVENT_EXAMPLE },
  })
  async stream(
    @Workspace() ws: WorkspaceCaller,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('last-event-id') lastEventHeader: string | undefined,
  ): Promise<void> {
    const query = StreamQuery.safeParse(request.query);
    if (!query.success)
      throw new AppError('invalid_input', 'Unknown query parameter: give workspaceId or lastEventId.');
    const lastEventId = parseEventId(lastEventHeader ?? query.data.lastEventId);
    await Promise.race([this.feed.ready, new Promise((r) => setTimeout(r, 2_000))]);

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Tells nginx-like proxies not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    let unsubscribe = () => {};
    const heartbeat = setInterval(() => client.comment('heartbeat'), this.config.API_STREAM_HEARTBEAT_MS);
    const client = new SseClient(raw, this.config.API_STREAM_MAX_BUFFERED_BYTES, {
      onClose: () => {
        clearInterval(heartbeat);
        unsubscribe();
      },
      onResync: (reason) => this.feed.noteResync(reason),
    });
    unsubscribe = this.feed.subscribe(ws.workspaceId, client);
    if (lastEventId !== null) {
      try {
        await this.feed.replay(ws.workspaceId, lastEventId, client);
      } catch {
        // JetStream could not replay: the client reloads instead.
        client.hint('too_many_missed');
      }
    }
    client.live();
  }
}

function parseEventId(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,15}$/.test(value))
    throw new AppError('invalid_input', 'Invalid Last-Event-ID: must be an event id from this stream.');
  return Number(value);
}
