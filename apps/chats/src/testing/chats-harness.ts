import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import {
  ChatClosed,
  ChatTurnReady,
  MessageAccepted,
  OutboundMessageUpdated,
  type Channel,
  type Member,
  type PhoneNumber,
  type WorkspaceSummary,
} from '@app/contracts';
import type { RunningService } from '@app/runtime';
import {
  aMember,
  aPhoneNumber,
  aWorkspace,
  NatsTestClient,
  perSuite,
  serviceEnv,
  uniqueNamespace,
} from '@app/testing';
import { startChats } from '../start';

export const randomSid = (prefix = 'SM') => `${prefix}${randomUUID().replace(/-/g, '')}`;

/** One member writing to one number of a fresh workspace (random ids: tests never share data). */
export interface Party {
  workspace: WorkspaceSummary;
  number: PhoneNumber;
  member: Member;
}

/**
 * The chats service alone on real Postgres and NATS. Tests play routing and outbound by
 * publishing their events, and watch what chats publishes.
 */
export class ChatsHarness {
  /** Every ChatTurnReady publish seen on the subject (duplicates included, before JetStream de-dup). */
  readonly turnPublishes: ChatTurnReady[];

  /** Every ChatClosed publish seen (duplicates included). */
  readonly closedPublishes: ChatClosed[];

  private constructor(
    readonly nats: NatsTestClient,
    readonly service: RunningService,
    private readonly env: Record<string, string>,
  ) {
    this.turnPublishes = nats.collect(ChatTurnReady);
    this.closedPublishes = nats.collect(ChatClosed);
  }

  static async start(env: Record<string, string> = {}): Promise<ChatsHarness> {
    const namespace = uniqueNamespace();
    const nats = await NatsTestClient.connect(namespace);
    const service = await startChats(serviceEnv(namespace, 'chats', env));
    return new ChatsHarness(nats, service, env);
  }

  /** The harness for the tests of one describe block: started before them, stopped after. Use it inside tests. */
  static forSuite(env: Record<string, string> = {}): ChatsHarness {
    return perSuite(
      ChatsHarness,
      () => ChatsHarness.start(env),
      (h) => h.stop(),
    );
  }

  async stop(): Promise<void> {
    await this.service.close();
    await this.nats.close();
  }

  party(features: WorkspaceSummary['features'] = ['whatsapp']): Party {
    const workspace = aWorkspace(features);
    return { workspace, number: aPhoneNumber(workspace.id), member: aMember(workspace.id) };
  }

  accepted(p: Party, fields: Partial<MessageAccepted> & { channel: Channel }): MessageAccepted {
    return {
      twilioSid: randomSid(),
      workspace: p.workspace,
      phoneNumber: p.number,
      member: p.member,
      from: p.member.phone!,
      to: p.number.number,
      body: 'Hello',
      media: [],
      keyword: null,
      memberOptedOut: false,
      offHours: false,
      receivedAt: new Date().toISOString(),
      ...fields,
    };
  }

  /** As routing publishes it; `msgId` other than the SID gets past JetStream's de-dup (a redelivery). */
  async inbound(message: MessageAccepted, msgId = message.twilioSid): Promise<MessageAccepted> {
    await this.nats.publish(MessageAccepted, message, msgId);
    return message;
  }

  update(
    p: Party,
    fields: Partial<OutboundMessageUpdated> & Pick<OutboundMessageUpdated, 'sendId' | 'status'>,
  ): OutboundMessageUpdated {
    return {
      idempotencyKey: `test:${fields.sendId}`,
      workspaceId: p.workspace.id,
      phoneNumberId: p.number.id,
      memberId: p.member.id,
      chatId: null,
      channel: 'whatsapp',
      kind: 'reply',
      origin: { service: 'test', ref: null },
      body: 'Thanks for writing',
      mediaUrls: [],
      contentSid: null,
      reason: null,
      errorCode: null,
      twilioSid: null,
      toPhone: null,
      occurredAt: new Date().toISOString(),
      ...fields,
    };
  }

  /** As outbound publishes it (msgId `<sendId>:<status>`). */
  async outbound(update: OutboundMessageUpdated, msgId = `${update.sendId}:${update.status}`): Promise<void> {
    await this.nats.publish(OutboundMessageUpdated, update, msgId);
  }

  /** Messages a consumer gave up on in this namespace (the DLQ stream's size). */
  async deadLetterCount(): Promise<number> {
    const jsm = await jetstream(this.nats.nc).jetstreamManager();
    try {
      return (await jsm.streams.info(this.nats.namespace.stream('DLQ'))).state.messages;
    } catch {
      return 0;
    }
  }

  /** The turns JetStream stored (after de-duplication by msgId). */
  async storedTurns(): Promise<ChatTurnReady[]> {
    return (await this.nats.stored(ChatTurnReady)).map((s) => s.event);
  }

  /** Another replica of chats on the same namespace and schema. */
  replica(env: Record<string, string> = {}): Promise<RunningService> {
    return startChats(serviceEnv(this.nats.namespace.prefix, 'chats', { ...this.env, ...env }));
  }
}
