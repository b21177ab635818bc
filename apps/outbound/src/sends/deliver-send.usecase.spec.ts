import { randomUUID } from 'node:crypto';
import type { SendRequest } from '@app/contracts';
import type { OutboundConfig } from '../config';
import type { SendRateLimiter } from '../rate-limit/send-rate-limiter';
import type { OutgoingMessage, TwilioGateway, TwilioMessageSummary } from '../twilio/twilio-gateway';
import { DeferDelivery } from '@app/messaging';
import { DEFER_AFTER_MS, DeliverSendUseCase } from './deliver-send.usecase';
import type { CheckOutcome, SendChecks } from './send-checks';
import type { SendUpdatesPublisher } from './send-updates.publisher';
import type { SendEntity } from './send.entity';
import { canMoveTo } from '@app/rules';
import type { Addresses, Claim, NewClaim, SendsRepository, StatusChange } from './sends.repository';

/** The repository's rules, in memory. */
class MemorySends {
  readonly rows = new Map<string, SendEntity>();
  /** Statements run: each use of the repository is one statement of the real one. */
  statements = 0;

  private byKey = (ws: string, key: string) =>
    [...this.rows.values()].find((r) => r.workspaceId === ws && r.idempotencyKey === key) ?? null;
  findByKey = (ws: string, key: string) => {
    this.statements++;
    return Promise.resolve(this.byKey(ws, key));
  };
  findById = (ws: string, id: string) => {
    this.statements++;
    return Promise.resolve(this.rows.get(id)?.workspaceId === ws ? this.rows.get(id)! : null);
  };
  insertOrGet = async (
    request: SendRequest,
    refusal: { status: 'skipped' | 'failed'; reason: string } | null,
    _recipient: unknown,
    claim?: NewClaim,
  ) => {
    this.statements++;
    const existing = this.byKey(request.workspaceId, request.idempotencyKey);
    if (existing) return { send: existing, created: false, claim: null };
    const claimed = claim && !refusal ? claim : null;
    const send = {
      id: randomUUID(),
      workspaceId: request.workspaceId,
      idempotencyKey: request.idempotencyKey,
      status: refusal?.status ?? 'pending',
      reason: refusal?.reason ?? null,
      twilioSid: null,
      claimedAt: claimed ? new Date() : null,
      claimToken: claimed?.token ?? null,
      createdAt: new Date(),
      updatedAt: new Date(),
    } as unknown as SendEntity;
    this.rows.set(send.id, send);
    return { send, created: true, claim: claimed ? { token: claimed.token, previous: null } : null };
  };
  transition = (ws: string, id: string, change: StatusChange) => {
    this.statements++;
    const row = this.rows.get(id);
    if (!row || row.workspaceId !== ws || !canMoveTo(row.status, change.status)) return Promise.resolve(null);
    Object.assign(row, {
      status: change.status,
      twilioSid: row.twilioSid ?? change.twilioSid ?? null,
      errorCode: change.errorCode ?? null,
      claimedAt: null,
      claimToken: null,
    });
    if (change.reason !== undefined) row.reason = change.reason;
    return Promise.resolve(row);
  };
  claim = (
    ws: string,
    id: string,
    token: string | null,
    staleMs: number,
    _addresses: Addresses,
  ): Promise<Claim | null> => {
    this.statements++;
    const row = this.rows.get(id)!;
    const fresh = row.claimedAt !== null && Date.now() - row.claimedAt.getTime() < staleMs;
    if (fresh && row.claimToken !== token) return Promise.resolve(null);
    const mine = token ?? randomUUID();
    const previous = row.claimedAt && row.claimToken ? { at: row.claimedAt, token: row.claimToken } : null;
    Object.assign(row, { claimedAt: new Date(), claimToken: mine });
    return Promise.resolve({ token: mine, previous });
  };
  releaseClaim = (ws: string, id: string, token: string) => {
    this.statements++;
    const row = this.rows.get(id)!;
    if (row.claimToken === token) Object.assign(row, { claimedAt: null, claimToken: null });
    return Promise.resolve();
  };
  keepSlot = (ws: string, id: string, at: Date) => {
    this.statements++;
    Object.assign(this.rows.get(id)!, { rateSlotAt: at });
    return Promise.resolve();
  };
  knownSids = (sids: string[]) =>
    Promise.resolve(new Set(sids.filter((s) => [...this.rows.values()].some((r) => r.twilioSid === s))));
}

class FakeTwilio implements TwilioGateway {
  readonly created: Array<TwilioMessageSummary & Omit<OutgoingMessage, 'body'>> = [];
  /** What each create does, in turn: 'ok', or an error to throw (after creating, when `lost`). */
  script: Array<'ok' | { status?: number; code?: number | string; message: string; lost?: boolean }> = [];

  create(message: OutgoingMessage) {
    const step = this.script.shift() ?? 'ok';
    if (step !== 'ok' && !step.lost) return Promise.reject(Object.assign(new Error(step.message), step));
    const sid = `SM${randomUUID().replace(/-/g, '')}`;
    this.created.push({
      ...message,
      sid,
      status: 'queued',
      body: message.body ?? null,
      dateCreated: new Date(),
    });
    if (step !== 'ok') return Promise.reject(Object.assign(new Error(step.message), { code: step.code }));
    return Promise.resolve({ sid, status: 'queued' });
  }

  listSince(from: string, to: string, since: Date) {
    return Promise.resolve(
      this.created.filter((m) => m.from === from && m.to === to && m.dateCreated >= since).reverse(),
    );
  }

  showTyping() {
    return Promise.resolve();
  }
}

const allowed: CheckOutcome = {
  ok: true,
  toPhone: '+15550000001',
  memberId: null,
  ratePerSecond: 100,
  dailySendQuota: null,
  sender: {
    workspace: { id: randomUUID(), name: 'W', features: ['whatsapp'] },
    phoneNumber: { number: '+15550000002' } as never,
    dailySendQuota: null,
  },
};

function setup(options: { waitMs?: number | (() => number); checks?: CheckOutcome[] } = {}) {
  const sends = new MemorySends();
  const twilio = new FakeTwilio();
  const checks = options.checks ?? [];
  const fakeChecks = {
    run: () => Promise.resolve(checks.length ? checks.shift()! : allowed),
  } as unknown as SendChecks;
  const published: string[] = [];
  const updates = {
    publish: (s: SendEntity) => Promise.resolve(void published.push(s.status)),
  } as unknown as SendUpdatesPublisher;
  let reserved = 0;
  const limiter: SendRateLimiter = {
    reserve: () => {
      reserved++;
      const wait = options.waitMs;
      const waitMs = typeof wait === 'function' ? wait() : (wait ?? 0);
      return Promise.resolve({ waitMs, slotAt: Date.now() + waitMs });
    },
  };
  const config = {
    PUBLIC_BASE_URL: 'https://ingress.example',
    TWILIO_MAX_ATTEMPTS: 3,
    TWILIO_RETRY_BASE_MS: 1,
    SEND_CLAIM_STALE_MS: 60_000,
    SEND_RATE_HEADROOM: 0.05,
  } as OutboundConfig;
  const usecase = new DeliverSendUseCase(
    sends as unknown as SendsRepository,
    fakeChecks,
    updates,
    limiter,
    twilio,
    config,
  );
  const request: SendRequest = {
    idempotencyKey: `k:${randomUUID()}`,
    workspaceId: randomUUID(),
    phoneNumberId: randomUUID(),
    memberId: randomUUID(),
    channel: 'sms',
    body: 'Hi',
    kind: 'system',
    origin: { service: 'test', ref: null },
  };
  return { usecase, sends, twilio, published, request, reserved: () => reserved };
}

describe('DeliverSendUseCase', () => {
  it('queues the send with the SID and a status callback naming it', async () => {
    const { usecase, twilio, published, request } = setup();
    const result = await usecase.execute(request);
    expect(result.status).toBe('queued');
    expect(twilio.created).toHaveLength(1);
    expect(twilio.created[0].statusCallback).toBe(
      `https://ingress.example/twilio/status?sendId=${result.id}`,
    );
    // Handed to Twilio at once: its first update is queued (no pending one to handle downstream).
    expect(published).toEqual(['queued']);
  });

  it('stores the send claimed for its call and settles it: two statements (and the slot)', async () => {
    const { usecase, sends, twilio, request } = setup();
    await usecase.execute(request);
    expect(twilio.created).toHaveLength(1);
    expect(sends.statements).toBe(2);
    // Settled: the claim is gone.
    expect([...sends.rows.values()][0].claimToken).toBeNull();
  });

  it('leaves a send another delivery holds the fresh claim of to that delivery', async () => {
    const { usecase, sends, twilio, request } = setup();
    // A first delivery stored and claimed it, and is between its claim and its Twilio call.
    const stored = await sends.insertOrGet(request, null, null, {
      token: randomUUID(),
      addresses: { toPhone: '+15550000001', fromAddress: '+15550000002', toAddress: '+15550000001' },
    });
    const second = await usecase.execute(request).catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'unavailable' });
    expect(twilio.created).toHaveLength(0);
    expect(stored.send.claimToken).not.toBeNull();
  });

  it('adopts the message an unanswered call created instead of sending it twice', async () => {
    const { usecase, twilio, request } = setup();
    twilio.script = [{ message: 'socket hang up', code: 'ECONNRESET', lost: true }];
    const result = await usecase.execute(request);
    expect(result.status).toBe('queued');
    expect(twilio.created).toHaveLength(1);
  });

  it('fails with a reason after the retries run out', async () => {
    const { usecase, twilio, published, request } = setup();
    twilio.script = [1, 2, 3].map(() => ({ status: 503, code: 20503, message: 'Service unavailable' }));
    const result = await usecase.execute(request);
    expect(result).toMatchObject({ status: 'failed', reason: expect.stringMatching(/after 3 attempts/) });
    expect(twilio.created).toHaveLength(0);
    // Pending while it waited for its retries, once.
    expect(published).toEqual(['pending', 'failed']);
  });

  it('stops a send when the member opted out while it waited for its slot', async () => {
    const stop: CheckOutcome = {
      ok: false,
      toPhone: null,
      memberId: null,
      refusal: { status: 'skipped', reason: 'Member has opted out of messages (replied STOP).' },
    };
    // A wait long enough to be checked again after (a shorter one is covered by the checks before it).
    const { usecase, twilio, request } = setup({ waitMs: DEFER_AFTER_MS + 20, checks: [allowed, stop] });
    const result = await usecase.execute(request);
    expect(result).toMatchObject({
      status: 'skipped',
      reason: 'Member has opted out of messages (replied STOP).',
    });
    expect(twilio.created).toHaveLength(0);
  });

  it('answers a settled send without calling Twilio again', async () => {
    const { usecase, twilio, request } = setup();
    const first = await usecase.execute(request);
    const again = await usecase.execute(request);
    expect(again).toEqual(first);
    expect(twilio.created).toHaveLength(1);
  });

  it('waits for a far slot outside the consumer, then uses the slot it booked', async () => {
    const { usecase, sends, twilio, published, request, reserved } = setup({
      waitMs: DEFER_AFTER_MS + 1_500,
    });
    const deferred = await usecase.execute(request, { mayDefer: true }).catch((e: unknown) => e);
    expect(deferred).toBeInstanceOf(DeferDelivery);
    // The claim it was stored with is given back: its return need not wait for it to go stale.
    expect([...sends.rows.values()][0].claimToken).toBeNull();
    // Shown as pending while it waits outside.
    expect(published).toEqual(['pending']);
    // Back a little before the slot (the rest is waited in place), the slot kept on the send.
    expect((deferred as DeferDelivery).delayMs).toBeGreaterThan(DEFER_AFTER_MS);
    const row = [...sends.rows.values()][0];
    expect(row.rateSlotAt!.getTime()).toBeGreaterThan(Date.now() + DEFER_AFTER_MS);
    expect(twilio.created).toHaveLength(0);

    // Redelivered when the slot is near: no second booking, one message.
    row.rateSlotAt = new Date(Date.now() + 100);
    const result = await usecase.execute(request, { mayDefer: true });
    expect(result.status).toBe('queued');
    expect(reserved()).toBe(1);
    expect(twilio.created).toHaveLength(1);
    expect(published).toEqual(['pending', 'queued']);
  });

  it('defers an early redelivery again without booking another slot', async () => {
    const { usecase, sends, request, reserved } = setup({ waitMs: DEFER_AFTER_MS + 5_000 });
    await usecase.execute(request, { mayDefer: true }).catch(() => undefined);
    const again = await usecase.execute(request, { mayDefer: true }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DeferDelivery);
    expect(reserved()).toBe(1);
    expect([...sends.rows.values()][0].status).toBe('pending');
  });

  it('books a new slot when it comes back too late for the one it kept', async () => {
    let wait = DEFER_AFTER_MS + 1_500;
    const { usecase, sends, twilio, request, reserved } = setup({ waitMs: () => wait });
    await usecase.execute(request, { mayDefer: true }).catch(() => undefined);
    [...sends.rows.values()][0].rateSlotAt = new Date(Date.now() - 5_000);
    wait = 0;
    const result = await usecase.execute(request, { mayDefer: true });
    expect(result.status).toBe('queued');
    expect(reserved()).toBeGreaterThanOrEqual(2);
    expect(twilio.created).toHaveLength(1);
  });

  it('waits in place when it may not defer (it bounced too often)', async () => {
    const { usecase, twilio, request } = setup({ waitMs: DEFER_AFTER_MS + 200 });
    const result = await usecase.execute(request, { mayDefer: false });
    expect(result.status).toBe('queued');
    expect(twilio.created).toHaveLength(1);
  });
});
