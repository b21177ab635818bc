import { randomUUID } from 'node:crypto';
import {
  AppError,
  MessageAccepted,
  ResolveMember,
  SendRequested,
  SetMemberOptOut,
  type EventContract,
  type InboundMessageReceived,
  type Member,
  type PhoneNumber,
  type RequestContract,
} from '@app/contracts';
import { aMember, aPhoneNumber } from '@app/testing';
import type { InboundNumber } from '../phone-numbers/inbound-number.directory';
import type { KeywordOutcomes } from './keyword-outcomes.repository';
import { RouteInboundUseCase, type Bus } from './route-inbound.usecase';

const NOW = '2026-11-23T10:00:00.000Z';
const workspace = { id: randomUUID(), name: 'Harbor', features: ['whatsapp' as const] };
const phoneNumber: PhoneNumber = aPhoneNumber(workspace.id, { number: '+15557650001', brandName: 'Sunrise' });
const member: Member = aMember(workspace.id, {
  firstName: null,
  phone: '+15551230001',
  createdAt: NOW,
  updatedAt: NOW,
});

function message(overrides: Partial<InboundMessageReceived> = {}): InboundMessageReceived {
  return {
    accountSid: 'AC1',
    messageSid: 'SM1',
    from: 'whatsapp:+15551230001',
    to: 'whatsapp:+15557650001',
    body: 'hi',
    media: [],
    profileName: null,
    receivedAt: NOW,
    params: {},
    ...overrides,
  };
}

/** An in-memory bus: records publishes, answers requests with the given handlers. */
function fakeBus(answers: { optOutChanged?: boolean; failResolve?: AppError } = {}) {
  const published: Array<{ subject: string; payload: unknown; msgId: string }> = [];
  const requests: string[] = [];
  const bus: Bus = {
    publish: async (contract: EventContract, payload: unknown, options: { msgId: string }) => {
      published.push({ subject: contract.subject, payload, msgId: options.msgId });
      return { duplicate: false, seq: published.length };
    },
    request: (async (contract: RequestContract, payload: { optedOut?: boolean }) => {
      requests.push(contract.subject);
      if (contract.subject === ResolveMember.subject) {
        if (answers.failResolve) throw answers.failResolve;
        return { member, created: false };
      }
      if (contract.subject === SetMemberOptOut.subject)
        return {
          member: { ...member, optedOut: payload.optedOut ?? true },
          changed: payload.optedOut === false ? false : (answers.optOutChanged ?? true),
        };
      throw new Error(`unexpected request ${contract.subject}`);
    }) as Bus['request'],
  };
  return { bus, published, requests };
}

const directory = (found: InboundNumber) => ({ findByNumber: async () => found });
/** Keyword decisions in memory: `stored` as if decided before, `lastAck` as the last STOP acknowledged. */
const outcomes = (stored?: boolean, lastAck: Date | null = null): KeywordOutcomes => ({
  decide: async (_ws, _sid, confirm) => stored ?? confirm,
  lastAck: async () => lastAck,
  recordAck: async () => undefined,
});
const hoursBefore = (hours: number) => new Date(new Date(NOW).getTime() - hours * 3600_000);
const known: InboundNumber = { found: true, phoneNumber, workspace };
const joins = { recordJoin: async () => undefined };

describe('RouteInboundUseCase', () => {
  it('drops addresses it cannot route: other channels, mixed channels, non-E.164 senders', async () => {
    for (const m of [
      message({ from: 'messenger:123' }),
      message({ to: '+15557650001' }),
      message({ from: 'whatsapp:SHORTCODE' }),
    ]) {
      const { bus, published, requests } = fakeBus();
      expect(await new RouteInboundUseCase(bus, directory(known), outcomes(), joins).execute(m)).toEqual({
        accepted: false,
        reason: 'invalid_address',
      });
      expect([published, requests]).toEqual([[], []]);
    }
  });

  it('lets a neighbour being down surface (the transport retries), publishing nothing', async () => {
    const { bus, published } = fakeBus({
      failResolve: new AppError('unavailable', 'preferences is not running'),
    });
    await expect(
      new RouteInboundUseCase(bus, directory(known), outcomes(), joins).execute(message()),
    ).rejects.toMatchObject({ code: 'unavailable' });
    expect(published).toEqual([]);
  });

  it('on a redelivered STOP (no longer a change) still sends the confirmation decided the first time, with the same id', async () => {
    const { bus, published } = fakeBus({ optOutChanged: false });
    const outcome = await new RouteInboundUseCase(bus, directory(known), outcomes(true), joins).execute(
      message({ body: 'STOP' }),
    );
    expect(outcome).toMatchObject({ accepted: true, keyword: 'opt_out' });
    expect(published.map((p) => [p.subject, p.msgId])).toEqual([
      [SendRequested.subject, `${workspace.id}:keyword:SM1`],
      [MessageAccepted.subject, 'SM1'],
    ]);
  });

  it('sends no confirmation for a STOP that changed nothing, acknowledged less than a day before', async () => {
    const { bus, published } = fakeBus({ optOutChanged: false });
    await new RouteInboundUseCase(bus, directory(known), outcomes(undefined, hoursBefore(23)), joins).execute(
      message({ body: 'stop' }),
    );
    expect(published.map((p) => p.subject)).toEqual([MessageAccepted.subject]);
    expect((published[0].payload as { memberOptedOut: boolean }).memberOptedOut).toBe(true);
  });

  it('acknowledges a repeated STOP again once the last acknowledgement is a day old', async () => {
    const { bus, published } = fakeBus({ optOutChanged: false });
    await new RouteInboundUseCase(bus, directory(known), outcomes(undefined, hoursBefore(24)), joins).execute(
      message({ body: 'Stop!' }),
    );
    expect(published.map((p) => p.subject)).toEqual([SendRequested.subject, MessageAccepted.subject]);
  });

  it('passes "Yes" from a member who never opted out on as an ordinary message (its position still goes to preferences)', async () => {
    const { bus, published, requests } = fakeBus();
    const outcome = await new RouteInboundUseCase(bus, directory(known), outcomes(), joins).execute(
      message({ body: 'Yes' }),
      42,
    );
    expect(outcome).toMatchObject({ accepted: true, keyword: null });
    // An opt-in that changes nothing, so an older STOP handled after it cannot opt the member out.
    expect(requests).toEqual([ResolveMember.subject, SetMemberOptOut.subject]);
    expect(published.map((p) => p.subject)).toEqual([MessageAccepted.subject]);
    expect(published[0].payload).toMatchObject({ keyword: null, body: 'Yes' });
  });
});
