import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import {
  CreateEventRule,
  WorkspaceEventPublished,
  type Member,
  type PhoneNumber,
  type ResponsePayload,
  type SendAction,
} from '@app/contracts';
import { startService, type RunningService } from '@app/runtime';
import { NatsTestClient, perSuite, serviceEnv, uniqueNamespace } from '@app/testing';
import { ConversationStarter } from '../engine/conversation-starter';
import { AutomationModule } from '../automation/automation.module';
import { ErasureModule } from '../erasure/erasure.module';
import { workflowService } from '../start';
import { FakeNeighbours } from '../automation/testing/fake-neighbours';

type StartChatInput = Parameters<ConversationStarter['startChat']>[0];

/** Records the chats rules start, one per idempotency key, as the engine promises. */
export class RecordingConversationStarter extends ConversationStarter {
  readonly calls: StartChatInput[] = [];
  private readonly chats = new Map<string, string>();

  startChat(input: StartChatInput): Promise<{ chatId: string }> {
    this.calls.push(input);
    const chatId = this.chats.get(input.idempotencyKey) ?? crypto.randomUUID();
    this.chats.set(input.idempotencyKey, chatId);
    return Promise.resolve({ chatId });
  }

  readonly pins: Array<Omit<StartChatInput, 'initialMessage'>> = [];

  pinChat(input: Omit<StartChatInput, 'initialMessage'>): Promise<{ chatId: string }> {
    this.pins.push(input);
    const chatId = this.chats.get(input.idempotencyKey) ?? crypto.randomUUID();
    this.chats.set(input.idempotencyKey, chatId);
    return Promise.resolve({ chatId });
  }
}

export interface AutomationHarness {
  service: RunningService;
  nats: NatsTestClient;
  fakes: FakeNeighbours;
  starter: RecordingConversationStarter;
  env: Record<string, string | undefined>;
  /** Publishes a workspace event (as the api does for POST /v1/events); answers its id. */
  publishEvent(
    workspaceId: string,
    memberId: string | null,
    data?: Record<string, unknown>,
    type?: string,
  ): Promise<string>;
  /**
   * A fresh WhatsApp workspace, its number, one member and a rule sending `action` from that
   * number on `form_submitted`: where most rule specs start.
   */
  ruleForOneMember(
    member: Partial<Member>,
    action: { type: SendAction['type']; template: string },
  ): Promise<{
    ws: { id: string };
    number: PhoneNumber;
    member: Member;
    rule: ResponsePayload<typeof CreateEventRule>;
  }>;
  close(): Promise<void>;
}

/** startAutomation on a namespace of its own for the tests of one file or describe block. */
export function automationForSuite(): AutomationHarness {
  return perSuite(
    Object,
    () => startAutomation(uniqueNamespace()),
    (h) => h.close(),
  );
}

/**
 * The workflow service's rules and routines on real Postgres and NATS, without the engine (its
 * ConversationStarter is a recording stand-in) and with routing, preferences and outbound played
 * over NATS by FakeNeighbours.
 */
export async function startAutomation(
  namespace: string,
  nats?: NatsTestClient,
  fakes?: FakeNeighbours,
): Promise<AutomationHarness> {
  const env = serviceEnv(namespace, workflowService.name);
  const client = nats ?? (await NatsTestClient.connect(namespace));
  const neighbours = fakes ?? FakeNeighbours.start(client);
  const starter = new RecordingConversationStarter();

  @Module({
    providers: [{ provide: ConversationStarter, useValue: starter }],
    exports: [ConversationStarter],
  })
  class StarterModule {}

  // The service as it runs, with the automation (and erasure of its rows) in place of the engine and automation.
  const service = await startService(
    { ...workflowService, modules: [AutomationModule.forRoot(StarterModule), ErasureModule] },
    env,
  );
  return {
    service,
    nats: client,
    fakes: neighbours,
    starter,
    env,
    publishEvent: async (workspaceId, memberId, data = {}, type = 'form_submitted') => {
      const eventId = randomUUID();
      const occurredAt = new Date().toISOString();
      await client.publish(
        WorkspaceEventPublished,
        { eventId, workspaceId, type, memberId, data, occurredAt },
        eventId,
      );
      return eventId;
    },
    ruleForOneMember: async (fields, action) => {
      const ws = neighbours.workspace(['whatsapp']);
      const number = neighbours.number(ws.id);
      const member = neighbours.member(ws.id, fields);
      const rule = await client.request(CreateEventRule, {
        workspaceId: ws.id,
        event: 'form_submitted',
        action: { ...action, phoneNumberId: number.id },
      });
      return { ws, number, member, rule };
    },
    close: async () => {
      await service.close();
      if (!nats) await client.close();
    },
  };
}
