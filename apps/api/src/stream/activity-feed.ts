import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DeliverPolicy, type Consumer, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { ChatActivity, chatActivitySubject } from '@app/contracts';
import { NatsConnectionService, newReplicaId } from '@app/messaging';
import { counter, gauge } from '@app/telemetry';
import { API_CONFIG, type ApiConfig } from '../config';
import type { ResyncReason, SseClient, SseFrame } from './sse-client';

const delivered = counter('api_stream_events_total', 'Chat events read for the live stream', ['source']);
const resyncs = counter('api_stream_resyncs_total', 'Resync hints sent to stream clients', ['reason']);
const connected = gauge('api_stream_clients', 'Clients connected to GET /v1/stream');

/** A ChatActivity event as a stream frame (its JetStream sequence is the event id). */
export function frameOf(msg: JsMsg): { workspaceId: string; frame: SseFrame } | null {
  const parsed = ChatActivity.schema.safeParse(msg.json());
  if (!parsed.success) return null;
  const { workspaceId, ...event } = parsed.data;
  return { workspaceId, frame: { id: msg.seq, event: event.type, data: event } };
}

/**
 * The chats service's ChatActivity events, fanned out in memory to the stream clients of each
 * workspace. One ordered (ephemeral, unacknowledged) consumer per api replica reads every
 * workspace's new events; a reconnecting client's missed events are read from JetStream by
 * sequence with a consumer filtered to its workspace's subject.
 */
@Injectable()
export class ActivityFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ActivityFeed');
  private readonly clients = new Map<string, Set<SseClient>>();
  private messages?: ConsumerMessages;
  private consumer?: Consumer;
  /** The live consumer's name prefix: which replica (host and process) reads through it. */
  private readonly readerName = `api_live_${newReplicaId()}`;
  private stopped = false;
  private readyResolve!: () => void;
  /** Resolves once the live consumer reads (a client that connects earlier waits for it). */
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  constructor(
    private readonly nats: NatsConnectionService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.messages?.close().catch(() => undefined);
    // An ordered consumer outlives its reader by 5 minutes of inactivity, its pending count growing: delete it.
    await this.consumer?.delete().catch(() => undefined);
    for (const set of this.clients.values()) for (const c of set) c.close();
  }

  subscribe(workspaceId: string, client: SseClient): () => void {
    let set = this.clients.get(workspaceId);
    if (!set) this.clients.set(workspaceId, (set = new Set()));
    set.add(client);
    connected.inc();
    return () => {
      if (!set.delete(client)) return;
      connected.dec();
      if (!set.size) this.clients.delete(workspaceId);
    };
  }

  noteResync(reason: ResyncReason): void {
    resyncs.inc({ reason });
  }

  /**
   * Writes the workspace's events after `afterId` to the client, in order: at most
   * API_STREAM_REPLAY_MAX of them, else a resync hint. An id the stream never had is a resync too.
   */
  async replay(workspaceId: string, afterId: number, client: SseClient): Promise<void> {
    const { jetstream, manager, namespace } = this.nats;
    const stream = namespace.stream('CHAT');
    const subject = namespace.subject(chatActivitySubject(workspaceId));
    const info = await manager.streams.info(stream);
    if (afterId > info.state.last_seq) return client.hint('unknown_event_id');
    // Nothing of this workspace stored (null, or not found): nothing was missed.
    const last = await manager.streams.getMessage(stream, { last_by_subj: subject }).catch(() => null);
    if (!last || last.seq <= afterId) return;
    const lastSeq = last.seq;
    const max = this.config.API_STREAM_REPLAY_MAX;
    const consumer = await jetstream.consumers.get(stream, {
      filter_subjects: subject,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: afterId + 1,
    });
    const batch = await consumer.fetch({ max_messages: max + 1, expires: 10_000 });
    let count = 0;
    for await (const msg of batch) {
      if (client.isClosed) break;
      if (++count > max) {
        client.hint('too_many_missed');
        break;
      }
      const read = frameOf(msg);
      if (read && read.workspaceId === workspaceId) {
        delivered.inc({ source: 'replay' });
        client.replayed(read.frame);
      }
      if (msg.seq >= lastSeq) break;
    }
    await batch.close().catch(() => undefined);
  }

  private async run(): Promise<void> {
    // Where reading starts: new events only at first; from the stream's start if it did not exist
    // yet (it was made after we started: all of it is new), after the last one read on a retry.
    let from: number | 'new' = 'new';
    while (!this.stopped) {
      try {
        await this.nats.connect();
        const { jetstream, manager, namespace } = this.nats;
        const stream = namespace.stream('CHAT');
        try {
          await manager.streams.info(stream);
        } catch (error) {
          if (from === 'new') from = 0;
          throw error;
        }
        // A consumer left by an earlier attempt is nobody's: delete it rather than let it idle.
        await this.consumer?.delete().catch(() => undefined);
        this.consumer = undefined;
        const consumer = await jetstream.consumers.get(stream, {
          name_prefix: this.readerName,
          filter_subjects: namespace.subject('chat.activity.>'),
          ...(from === 'new'
            ? { deliver_policy: DeliverPolicy.New }
            : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from + 1 }),
        });
        this.consumer = consumer;
        this.messages = await consumer.consume();
        this.readyResolve();
        this.logger.log('Reading chat activity for the live stream');
        for await (const msg of this.messages) {
          from = msg.seq;
          this.fanOut(msg);
        }
      } catch (error) {
        if (this.stopped) return;
        // The CHAT stream appears when chats first starts; until then, and after a failure, retry.
        this.logger.debug(`Chat activity not readable yet: ${(error as Error).message}`);
      }
      if (!this.stopped) await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  private fanOut(msg: JsMsg): void {
    // The subject names the workspace (chat.activity.<workspaceId>): an event nobody of that
    // workspace is listening to is not parsed at all (most of them, most of the time).
    if (!this.clients.has(msg.subject.slice(msg.subject.lastIndexOf('.') + 1))) return;
    const read = frameOf(msg);
    if (!read) return;
    const set = this.clients.get(read.workspaceId);
    if (!set) return;
    delivered.inc({ source: 'live' });
    for (const client of set) client.send(read.frame);
  }
}
