import { randomUUID } from 'node:crypto';
import {
  AppError,
  CancelScheduledEvent,
  CreateEventRule,
  ListActionRuns,
  MemberErased,
  ListScheduledEvents,
  ScheduleEvent,
  WorkspaceEventPublished,
} from '@app/contracts';
import { NatsTestClient, staysFalse, uniqueNamespace, waitFor } from '@app/testing';
import { startAutomation, type AutomationHarness } from '../../testing/automation-harness';
import { FakeNeighbours } from '../testing/fake-neighbours';

jest.setTimeout(90_000);

const namespace = uniqueNamespace();
let nats: NatsTestClient;
let fakes: FakeNeighbours;
let replicas: AutomationHarness[] = [];

beforeAll(async () => {
  nats = await NatsTestClient.connect(namespace);
  fakes = FakeNeighbours.start(nats);
  // Two replicas of the service on one database and one NATS namespace.
  replicas = [await startAutomation(namespace, nats, fakes), await startAutomation(namespace, nats, fakes)];
});
afterAll(async () => {
  for (const r of replicas) await r.close();
  await nats?.close();
});

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

function setup() {
  const ws = fakes.workspace(['whatsapp']);
  const number = fakes.number(ws.id);
  const member = fakes.member(ws.id, { firstName: 'Grace', notifyWhatsapp: true });
  return { ws, number, member };
}

const schedule = (workspaceId: string, memberId: string | null, at: string, type = 'appointment_due') =>
  nats.request(ScheduleEvent, {
    workspaceId,
    eventId: randomUUID(),
    type,
    memberId,
    data: { appointment_at: '2026-12-04T09:30:00Z' },
    at,
  });

const listed = async (workspaceId: string, status?: 'scheduled' | 'fired' | 'cancelled') =>
  (await nats.request(ListScheduledEvents, { workspaceId, status })).items;

describe('scheduled events', () => {
  it('fire at their time and run the matching rules; they are listed as scheduled, then fired', async () => {
    const { ws, number, member } = setup();
    const rule = await nats.request(CreateEventRule, {
      workspaceId: ws.id,
      event: 'appointment_due',
      action: {
        type: 'send_sms',
        phoneNumberId: number.id,
        template: 'See you at {{event.data.appointment_at}}',
      },
    });
    const published = nats.collect(WorkspaceEventPublished);
    const event = await schedule(ws.id, member.id, inSeconds(3));
    expect(event).toMatchObject({ status: 'scheduled', firedAt: null, memberId: member.id });
    expect((await listed(ws.id, 'scheduled')).map((e) => e.eventId)).toEqual([event.eventId]);
    expect(published.filter((e) => e.eventId === event.eventId)).toEqual([]);

    const [fired] = await waitFor(async () => {
      const items = await listed(ws.id, 'fired');
      return items.length ? items : null;
    });
    expect(fired.eventId).toBe(event.eventId);
    expect(new Date(fired.firedAt!).getTime()).toBeGreaterThanOrEqual(new Date(event.at).getTime());
    const runs = await waitFor(async () => {
      const items = (await nats.request(ListActionRuns, { workspaceId: ws.id, ruleId: rule.id })).items;
      return items.some((r) => r.status === 'sent') ? items : null;
    });
    expect(runs).toEqual([expect.objectContaining({ eventId: event.eventId, memberId: member.id })]);
    expect(await listed(ws.id, 'scheduled')).toEqual([]);
  });

  it('fire once across two replicas: each due event is published once', async () => {
    const { ws, member } = setup();
    const published = nats.collect(WorkspaceEventPublished);
    const at = inSeconds(2);
    const events = await Promise.all(Array.from({ length: 40 }, () => schedule(ws.id, member.id, at)));
    await waitFor(async () => (await listed(ws.id, 'fired')).length === 40 || null, { timeoutMs: 30_000 });
    await waitFor(() => events.every((e) => published.some((p) => p.eventId === e.eventId)) || null);
    // Every publish reaches this core subscription, duplicates too (JetStream would hide them).
    expect(await staysFalse(() => published.length > 40, 1500)).toBe(true);
    expect(new Set(published.map((p) => p.eventId)).size).toBe(40);
  });

  it('an event due now (or in the past) fires before the answer', async () => {
    const { ws, member } = setup();
    const event = await schedule(ws.id, member.id, new Date(Date.now() - 60_000).toISOString());
    expect(event).toMatchObject({ status: 'fired', firedAt: expect.any(String) });
  });

  it('a cancelled event never fires; cancelling twice or after firing is a conflict; another workspace cannot see it', async () => {
    const { ws, member } = setup();
    const published = nats.collect(WorkspaceEventPublished);
    const later = await schedule(ws.id, member.id, inSeconds(2));
    const cancelled = await nats.request(CancelScheduledEvent, {
      workspaceId: ws.id,
      eventId: later.eventId,
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(await staysFalse(() => published.some((e) => e.eventId === later.eventId), 3500)).toBe(true);
    expect((await listed(ws.id, 'cancelled')).map((e) => e.eventId)).toEqual([later.eventId]);

    const again = await nats
      .request(CancelScheduledEvent, { workspaceId: ws.id, eventId: later.eventId })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'conflict', message: 'The event is already cancelled.' });

    const now = await schedule(ws.id, member.id, new Date().toISOString());
    const tooLate = await nats
      .request(CancelScheduledEvent, { workspaceId: ws.id, eventId: now.eventId })
      .catch((e: unknown) => e);
    expect(tooLate).toBeInstanceOf(AppError);
    expect(tooLate).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already fired/) });

    const other = fakes.workspace(['whatsapp']);
    expect(await listed(other.id)).toEqual([]);
    const theirs = await nats
      .request(CancelScheduledEvent, { workspaceId: other.id, eventId: later.eventId })
      .catch((e: unknown) => e);
    expect(theirs).toMatchObject({ code: 'not_found' });
  });

  it('survive a restart: stored in Postgres, fired by the service that starts next', async () => {
    const { ws, member } = setup();
    const published = nats.collect(WorkspaceEventPublished);
    const event = await schedule(ws.id, member.id, inSeconds(4));
    for (const r of replicas) await r.close();
    replicas = [];
    expect(published.some((e) => e.eventId === event.eventId)).toBe(false);
    replicas = [await startAutomation(namespace, nats, fakes)];
    await waitFor(() => published.find((e) => e.eventId === event.eventId), { timeoutMs: 30_000 });
    expect((await listed(ws.id, 'fired')).map((e) => e.eventId)).toEqual([event.eventId]);
  });

  it("an erased member's scheduled events are deleted and never fire", async () => {
    const { ws, member } = setup();
    const published = nats.collect(WorkspaceEventPublished);
    const event = await schedule(ws.id, member.id, inSeconds(3));
    await nats.publish(
      MemberErased,
      { workspaceId: ws.id, memberId: member.id, phoneSha256: null, erasedAt: new Date().toISOString() },
      `member.erased:${member.id}`,
    );
    await waitFor(async () => (await listed(ws.id)).length === 0);
    expect(await staysFalse(() => published.some((e) => e.eventId === event.eventId), 4000)).toBe(true);
  });

  it('pages the list by time', async () => {
    const { ws } = setup();
    const times = [30, 10, 20].map((m) => inSeconds(m * 60));
    for (const at of times) await schedule(ws.id, null, at);
    const first = await nats.request(ListScheduledEvents, { workspaceId: ws.id, limit: 2 });
    expect(first.items.map((e) => e.at)).toEqual([times[1], times[2]].map((t) => new Date(t).toISOString()));
    const second = await nats.request(ListScheduledEvents, {
      workspaceId: ws.id,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map((e) => e.at)).toEqual([new Date(times[0]).toISOString()]);
    expect(second.nextCursor).toBeNull();
  });
});
