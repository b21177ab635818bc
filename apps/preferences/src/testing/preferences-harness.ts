import { randomUUID } from 'node:crypto';
import {
  CreateMember,
  SetMemberOptOut,
  UpdateMember,
  type ChangeSource,
  type Member,
  type RequestPayload,
} from '@app/contracts';
import { decodeText, encodeJson, type ReplyEnvelope } from '@app/messaging';
import type { RunningService } from '@app/runtime';
import { NatsTestClient, perSuite, randomPhone, serviceEnv, uniqueNamespace } from '@app/testing';
import { startPreferences } from '../start';

export const API: ChangeSource = { type: 'api', ref: 'key_test' };

/** Preferences alone on real Postgres and NATS, in a namespace of its own, and a client speaking the contracts. */
export class PreferencesHarness {
  private constructor(
    readonly namespace: string,
    readonly nats: NatsTestClient,
    readonly services: RunningService[],
  ) {}

  static async start(env: Record<string, string> = {}): Promise<PreferencesHarness> {
    const namespace = uniqueNamespace();
    const nats = await NatsTestClient.connect(namespace);
    const service = await startPreferences(serviceEnv(namespace, 'preferences', env));
    return new PreferencesHarness(namespace, nats, [service]);
  }

  /** The harness for the tests of one describe block: started before them, stopped after. Use it inside tests. */
  static forSuite(env: Record<string, string> = {}): PreferencesHarness {
    return perSuite(
      PreferencesHarness,
      () => PreferencesHarness.start(env),
      (h) => h.stop(),
    );
  }

  get service(): RunningService {
    return this.services[0];
  }

  /** Another replica on the same schema and subjects. */
  async addReplica(): Promise<RunningService> {
    const replica = await startPreferences(serviceEnv(this.namespace, 'preferences'));
    this.services.push(replica);
    return replica;
  }

  createMember(
    workspaceId: string,
    fields: RequestPayload<typeof CreateMember>['fields'] = {},
  ): Promise<Member> {
    return this.nats.request(CreateMember, {
      workspaceId,
      fields: { phone: randomPhone(), ...fields },
      source: API,
    });
  }

  /** Changes a member through the API (source `API`). */
  updateMember(
    member: Pick<Member, 'workspaceId' | 'id'>,
    patch: RequestPayload<typeof UpdateMember>['patch'],
  ): Promise<Member> {
    return this.nats.request(UpdateMember, {
      workspaceId: member.workspaceId,
      memberId: member.id,
      patch,
      source: API,
    });
  }

  /** The member texted STOP (or START) on SMS, as routing reports the keyword. */
  textedKeyword(member: Pick<Member, 'workspaceId' | 'id'>, word: 'STOP' | 'START') {
    return this.nats.request(SetMemberOptOut, {
      workspaceId: member.workspaceId,
      memberId: member.id,
      optedOut: word === 'STOP',
      channel: 'sms',
      source: { type: 'keyword', ref: word },
    });
  }

  workspace(): string {
    return randomUUID();
  }

  async stop(): Promise<void> {
    await Promise.all(this.services.map((s) => s.close()));
    await this.nats.close();
  }
}

/**
 * Sends a request as raw JSON, bypassing the client-side contract check, to see how the service
 * itself answers a payload that breaks the contract.
 */
export async function rawRequest(
  nats: NatsTestClient,
  subject: string,
  payload: unknown,
): Promise<ReplyEnvelope> {
  const reply = await nats.nc.request(nats.namespace.subject(subject), encodeJson(payload), {
    timeout: 5_000,
  });
  return JSON.parse(decodeText(reply.data)) as ReplyEnvelope;
}
