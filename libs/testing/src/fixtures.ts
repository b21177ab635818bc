import {
  AppError,
  CheckSend,
  CheckSendToAddress,
  GetMember,
  GetSandboxMembership,
  GetSender,
  type Channel,
  type Member,
  type PhoneNumber,
  type ResponsePayload,
  type SendKind,
  type WorkspaceSummary,
} from '@app/contracts';
import { decideAddressSend, decideSend } from '@app/rules';
import type { NatsTestClient } from './nats-test-client';
import { aMember, aPhoneNumber, aWorkspace } from './records';

/**
 * Routing's and preferences' directory as their neighbours meet it: workspaces, numbers and
 * members in memory, answering GetSender, GetMember, CheckSend and CheckSendToAddress (with
 * preferences' rules and exact texts) once `answer`ed on a NATS test client. Another workspace's
 * id is not_found.
 */
export class FakeDirectory {
  readonly workspaces = new Map<string, WorkspaceSummary>();
  readonly numbers = new Map<string, PhoneNumber>();
  readonly members = new Map<string, Member>();
  /** Phones that sent STOP, as `<workspaceId>:<phone>` (preferences records opt-outs by address too). */
  readonly optedOutPhones = new Set<string>();
  /** The operator's daily send quota per workspace (none unless set). */
  readonly quotas = new Map<string, number>();
  /** Addresses that sent a sandbox number its join code, as `<phoneNumberId>:<phone>` (routing records them). */
  readonly sandboxJoins = new Set<string>();

  /** `defaults` apply to every number and member built here (before the per-call fields). */
  constructor(private readonly defaults: { number?: Partial<PhoneNumber>; member?: Partial<Member> } = {}) {}

  workspace(
    features: WorkspaceSummary['features'] = ['whatsapp'],
    fields: Partial<WorkspaceSummary> = {},
  ): WorkspaceSummary {
    const ws = aWorkspace(features, fields);
    this.workspaces.set(ws.id, ws);
    return ws;
  }

  number(workspaceId: string, fields: Partial<PhoneNumber> = {}): PhoneNumber {
    const n = aPhoneNumber(workspaceId, { ...this.defaults.number, ...fields });
    this.numbers.set(n.id, n);
    return n;
  }

  member(workspaceId: string, fields: Partial<Member> = {}): Member {
    const m = aMember(workspaceId, { ...this.defaults.member, ...fields });
    this.members.set(m.id, m);
    return m;
  }

  /** Routing's GetSender. */
  sender(workspaceId: string, phoneNumberId: string): ResponsePayload<typeof GetSender> {
    const phoneNumber = this.numbers.get(phoneNumberId);
    const workspace = this.workspaces.get(workspaceId);
    if (!phoneNumber || !workspace || phoneNumber.workspaceId !== workspaceId)
      throw AppError.notFound('Phone number');
    return { workspace, phoneNumber, dailySendQuota: this.quotas.get(workspaceId) ?? null };
  }

  /** Preferences' GetMember. */
  memberIn(workspaceId: string, memberId: string): Member {
    const member = this.members.get(memberId);
    if (!member || member.workspaceId !== workspaceId) throw AppError.notFound('Member');
    return member;
  }

  /** Preferences' CheckSend, with preferences' rule (`decideSend`). */
  checkSend(
    workspaceId: string,
    memberId: string,
    channel: Channel,
    kind: SendKind,
  ): ResponsePayload<typeof CheckSend> {
    const found = this.members.get(memberId);
    return decideSend(found && found.workspaceId === workspaceId ? found : null, channel, kind);
  }

  /** Preferences' CheckSendToAddress: the member with the phone decides, else the phone's own STOP. */
  checkSendToAddress(
    workspaceId: string,
    phone: string,
    channel: Channel,
    kind: SendKind,
  ): ResponsePayload<typeof CheckSendToAddress> {
    const member = [...this.members.values()].find((m) => m.workspaceId === workspaceId && m.phone === phone);
    if (member) return decideSend(member, channel, kind);
    const optedOut = this.optedOutPhones.has(`${workspaceId}:${phone}`);
    return { ...decideAddressSend({ optedOut }, kind), member: null };
  }

  /** Answers GetSender, GetMember, CheckSend, CheckSendToAddress and GetSandboxMembership over NATS from these records. */
  answer(nats: NatsTestClient): this {
    nats.respond(GetSender, ({ workspaceId, phoneNumberId }) => this.sender(workspaceId, phoneNumberId));
    nats.respond(GetMember, ({ workspaceId, memberId }) => this.memberIn(workspaceId, memberId));
    nats.respond(CheckSend, ({ workspaceId, memberId, channel, kind }) =>
      this.checkSend(workspaceId, memberId, channel, kind),
    );
    nats.respond(CheckSendToAddress, ({ workspaceId, phone, channel, kind }) =>
      this.checkSendToAddress(workspaceId, phone, channel, kind),
    );
    nats.respond(GetSandboxMembership, ({ workspaceId, phoneNumberId, address }) => {
      const number = this.numbers.get(phoneNumberId);
      const joined =
        number?.workspaceId === workspaceId && this.sandboxJoins.has(`${phoneNumberId}:${address}`);
      return { joined, joinedAt: joined ? new Date().toISOString() : null };
    });
    return this;
  }
}
