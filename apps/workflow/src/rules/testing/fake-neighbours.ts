import { randomInt, randomUUID } from 'node:crypto';
import {
  AppError,
  CheckSend,
  GetMember,
  GetSender,
  ListMembers,
  Send,
  SKIP_REASONS,
  type Member,
  type PhoneNumber,
  type SendRequest,
  type SendResult,
  type WorkspaceSummary,
} from '@app/contracts';
import type { NatsTestClient } from '@app/testing';
import { compileCel, toCelValue } from '../actions/cel';
import { memberView } from '../actions/member-view';

export const randomPhone = () => `+1555${randomInt(1_000_000, 9_999_999)}`;

/**
 * Routing, preferences and outbound as the workflow service meets them over NATS, played by
 * real responders over in-memory records. The outbound stand-in applies the member checks with
 * outbound's texts, de-duplicates by idempotency key and counts what would reach Twilio.
 */
export class FakeNeighbours {
  readonly workspaces = new Map<string, WorkspaceSummary>();
  readonly numbers = new Map<string, PhoneNumber>();
  readonly members = new Map<string, Member>();
  /** Every Send request received, duplicates included. */
  readonly sendRequests: SendRequest[] = [];
  /** The answer stored per idempotency key (workspace-scoped, like outbound). */
  readonly sends = new Map<string, { request: SendRequest; result: SendResult }>();
  /** Messages that would have gone to Twilio, per member: must never pass 1 per key. */
  readonly twilioSends = new Map<string, number>();
  /** Delay before outbound answers (to keep a broadcast in flight long enough to interrupt). */
  sendDelayMs = 0;
  /** Called as a Send arrives, before it is answered (e.g. to kill the service mid-run). */
  onSend?: (count: number) => void;
  listMembersCalls = 0;

  constructor(private readonly nats: NatsTestClient) {}

  static start(nats: NatsTestClient): FakeNeighbours {
    const fake = new FakeNeighbours(nats);
    fake.answer();
    return fake;
  }

  workspace(features: Array<'whatsapp'> = ['whatsapp']): WorkspaceSummary {
    const ws = { id: randomUUID(), name: `Acme ${randomInt(1000, 9999)}`, features };
    this.workspaces.set(ws.id, ws);
    return ws;
  }

  number(workspaceId: string, fields: Partial<PhoneNumber> = {}): PhoneNumber {
    const now = new Date().toISOString();
    const n: PhoneNumber = {
      id: randomUUID(),
      workspaceId,
      number: randomPhone(),
      smsEnabled: true,
      whatsappEnabled: true,
      whatsappSandbox: false,
      defaultWorkflowId: null,
      smsDisabledMessage: null,
      brandName: null,
      offHoursMessage: null,
      businessHours: null,
      sendRatePerSecond: null,
      archived: false,
      createdAt: now,
      updatedAt: now,
      ...fields,
    };
    this.numbers.set(n.id, n);
    return n;
  }

  member(workspaceId: string, fields: Partial<Member> = {}): Member {
    const now = new Date().toISOString();
    const m: Member = {
      id: randomUUID(),
      workspaceId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: randomPhone(),
      email: null,
      notifySms: true,
      notifyEmail: true,
      notifyVoice: true,
      notifyWhatsapp: false,
      optedOut: false,
      optedOutAt: null,
      optedOutChannel: null,
      createdAt: now,
      updatedAt: now,
      ...fields,
    };
    this.members.set(m.id, m);
    return m;
  }

  /** Sends for a workspace (duplicates by key collapsed). */
  sendsIn(workspaceId: string): Array<{ request: SendRequest; result: SendResult }> {
    return [...this.sends.values()].filter((s) => s.request.workspaceId === workspaceId);
  }

  private memberIn(workspaceId: string, memberId: string): Member {
    const m = this.members.get(memberId);
    if (!m || m.workspaceId !== workspaceId) throw new AppError('not_found', 'Member not found.');
    return m;
  }

  private check(workspaceId: string, memberId: string, channel: 'sms' | 'whatsapp'): { allowed: true; member: Member } | { allowed: false; outcome: 'skipped'; reason: string; member: Member } {
    const member = this.memberIn(workspaceId, memberId);
    if (member.optedOut) return { allowed: false, outcome: 'skipped', reason: 'Member has opted out of messages (replied STOP).', member };
    if (channel === 'whatsapp' && !member.notifyWhatsapp) return { allowed: false, outcome: 'skipped', reason: SKIP_REASONS.memberWhatsappOff, member };
    if (channel === 'sms' && !member.notifySms) return { allowed: false, outcome: 'skipped', reason: SKIP_REASONS.memberSmsOff, member };
    return { allowed: true, member };
  }

  private answer(): void {
    this.nats.respond(GetSender, ({ workspaceId, phoneNumberId }) => {
      const n = this.numbers.get(phoneNumberId);
      const ws = this.workspaces.get(workspaceId);
      if (!n || !ws || n.workspaceId !== workspaceId) throw new AppError('not_found', 'Phone number not found.');
      return { workspace: ws, phoneNumber: n };
    });
    this.nats.respond(GetMember, ({ workspaceId, memberId }) => this.memberIn(workspaceId, memberId));
    this.nats.respond(CheckSend, ({ workspaceId, memberId, channel }) => this.check(workspaceId, memberId, channel));
    this.nats.respond(ListMembers, ({ workspaceId, filter, limit, cursor }) => {
      this.listMembersCalls++;
      const all = [...this.members.values()].filter((m) => m.workspaceId === workspaceId).sort((a, b) => a.id.localeCompare(b.id));
      const matched = filter ? all.filter((m) => compileCel(filter, 'filter')(toCelValue({ member: memberView(m) }) as Record<string, unknown>) === true) : all;
      const from = cursor ? Number(cursor) : 0;
      const items = matched.slice(from, from + limit);
      return { items, nextCursor: from + limit < matched.length ? String(from + limit) : null };
    });
    this.nats.respond(Send, async (request) => {
      this.sendRequests.push(request);
      this.onSend?.(this.sendRequests.length);
      if (this.sendDelayMs) await new Promise((r) => setTimeout(r, this.sendDelayMs));
      const key = `${request.workspaceId}:${request.idempotencyKey}`;
      const existing = this.sends.get(key);
      if (existing) return existing.result;
      const result = this.decide(request);
      this.sends.set(key, { request, result });
      if (result.status === 'pending') this.twilioSends.set(key, (this.twilioSends.get(key) ?? 0) + 1);
      return result;
    });
  }

  private decide(request: SendRequest): SendResult {
    const id = randomUUID();
    const ws = this.workspaces.get(request.workspaceId)!;
    const n = this.numbers.get(request.phoneNumberId);
    if (request.channel === 'whatsapp' && !ws.features.includes('whatsapp')) return { id, status: 'skipped', reason: SKIP_REASONS.workspaceLacksWhatsapp };
    if (!n) return { id, status: 'failed', reason: 'Phone number not found in this workspace.' };
    if (request.channel === 'whatsapp' && !n.whatsappEnabled) return { id, status: 'failed', reason: SKIP_REASONS.numberLacksWhatsapp };
    const check = this.check(request.workspaceId, request.memberId!, request.channel);
    if (!check.allowed) return { id, status: check.outcome, reason: check.reason };
    return { id, status: 'pending', reason: null };
  }
}
