import { randomUUID } from 'node:crypto';
import {
  ListMembers,
  OutboundMessageUpdated,
  Send,
  type SendRequest,
  type SendResult,
  type SendStatus,
} from '@app/contracts';
import { checkSender, SEND_REASONS } from '@app/rules';
import { FakeDirectory, type NatsTestClient } from '@app/testing';
import { compileCel } from '../actions/cel';
import { memberView } from '../actions/member-view';

/**
 * Routing, preferences and outbound as the workflow service meets them over NATS, played by
 * real responders over in-memory records (routing's and preferences' from FakeDirectory). The
 * outbound stand-in applies outbound's sender checks and preferences' member checks (the rules in
 * @app/rules), de-duplicates by idempotency key and counts what would reach Twilio.
 */
export class FakeNeighbours extends FakeDirectory {
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
  /** Report each accepted send as handed to Twilio (queued), as outbound's delivery does. */
  handOver = true;

  constructor(private readonly nats: NatsTestClient) {
    super({ member: { firstName: 'Ada', lastName: 'Lovelace' } });
  }

  static start(nats: NatsTestClient): FakeNeighbours {
    const fake = new FakeNeighbours(nats);
    fake.answer(nats);
    fake.answerListAndSend();
    return fake;
  }

  /**
   * A fresh WhatsApp workspace, one of its numbers and `size` members named M0, M1... `lastName`
   * (routine filters pick them by it); `optedIn(i)` says which have WhatsApp notifications on.
   */
  audience(size: number, lastName: string, optedIn: (i: number) => boolean) {
    const ws = this.workspace(['whatsapp']);
    const number = this.number(ws.id);
    const members = Array.from({ length: size }, (_, i) =>
      this.member(ws.id, { firstName: `M${i}`, lastName, notifyWhatsapp: optedIn(i) }),
    );
    return { ws, number, members };
  }

  /** Sends for a workspace (duplicates by key collapsed). */
  sendsIn(workspaceId: string): Array<{ request: SendRequest; result: SendResult }> {
    return [...this.sends.values()].filter((s) => s.request.workspaceId === workspaceId);
  }

  private answerListAndSend(): void {
    this.nats.respond(ListMembers, ({ workspaceId, filter, limit, cursor }) => {
      this.listMembersCalls++;
      const all = [...this.members.values()]
        .filter((m) => m.workspaceId === workspaceId)
        .sort((a, b) => a.id.localeCompare(b.id));
      const matched = filter
        ? all.filter((m) => compileCel(filter, 'filter').evaluate({ member: memberView(m) }) === true)
        : all;
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
      if (result.status === 'pending') {
        this.twilioSends.set(key, (this.twilioSends.get(key) ?? 0) + 1);
        if (this.handOver)
          setTimeout(() => void this.report(request, result.id, 'queued').catch(() => undefined), 20);
      }
      return result;
    });
  }

  /** Publishes a status of a send as outbound would (a Twilio status callback's, with its error). */
  async report(
    request: SendRequest,
    sendId: string,
    status: SendStatus,
    error: { code: string; reason: string } | null = null,
    /** Whether Twilio took it (a SID): a refusal of the API call itself has none. */
    handed = status !== 'pending',
  ): Promise<void> {
    await this.nats.publish(
      OutboundMessageUpdated,
      {
        sendId,
        idempotencyKey: request.idempotencyKey,
        workspaceId: request.workspaceId,
        phoneNumberId: request.phoneNumberId,
        memberId: request.memberId ?? null,
        chatId: request.chatId ?? null,
        channel: request.channel,
        kind: request.kind,
        origin: request.origin,
        body: request.body ?? null,
        contentSid: request.contentSid ?? null,
        status,
        reason: error?.reason ?? null,
        errorCode: error?.code ?? null,
        twilioSid: handed ? `SM${sendId.replace(/-/g, '')}` : null,
        occurredAt: new Date().toISOString(),
      },
      `${sendId}:${status}`,
    );
  }

  private decide(request: SendRequest): SendResult {
    const id = randomUUID();
    const workspace = this.workspaces.get(request.workspaceId)!;
    const phoneNumber = this.numbers.get(request.phoneNumberId);
    if (!phoneNumber) return { id, status: 'failed', reason: SEND_REASONS.numberNotFound };
    const refusal = checkSender(request.channel, { workspace, phoneNumber }, request.kind);
    if (refusal) return { id, ...refusal };
    const check = this.checkSend(request.workspaceId, request.memberId!, request.channel, request.kind);
    if (!check.allowed) return { id, status: check.outcome, reason: check.reason };
    return { id, status: 'pending', reason: null };
  }
}
