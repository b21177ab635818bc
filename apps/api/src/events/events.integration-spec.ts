import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { WorkspaceEventPublished } from '@app/contracts';
import { ApiHarness } from '../testing/api-harness';

describe('POST /v1/events', () => {
  const h = ApiHarness.forSuite();

  /** Events stored on this namespace's EVENTS stream (what the rules consume), oldest first. */
  async function stored(): Promise<WorkspaceEventPublished[]> {
    const stream = h.nats.namespace.stream('EVENTS');
    const jsm = await jetstreamManager(h.nats.nc);
    const count = (await jsm.streams.info(stream)).state.messages;
    const out: WorkspaceEventPublished[] = [];
    for (let seq = 1; out.length < count; seq++) {
      const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (m) out.push(WorkspaceEventPublished.schema.parse(m.json()));
    }
    return out;
  }

  it('publishes the event once per Idempotency-Key, scoped to the key workspace, and answers 202 { eventId }', async () => {
    const m = await h.ok('POST', '/v1/members', h.ws.key, { firstName: 'Ana' });
    const event = { type: 'form_submitted', memberId: m.id, data: { form: 'intake' } };
    const first = await h.call('POST', '/v1/events', h.ws.key, event, { 'idempotency-key': 'intake-7' });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ eventId: expect.any(String), status: 'fired', at: expect.any(String) });
    const retry = await h.call('POST', '/v1/events', h.ws.key, { ...event, eventId: 'intake-7' });
    expect(retry.body.eventId).toBe(first.body.eventId);
    const fresh = await h.call('POST', '/v1/events', h.ws.key, { type: 'task_entered' });
    expect(fresh.body.eventId).not.toBe(first.body.eventId);

    const events = await stored();
    expect(events.filter((e) => e.eventId === first.body.eventId)).toEqual([
      {
        eventId: first.body.eventId,
        workspaceId: h.ws.id,
        type: 'form_submitted',
        memberId: m.id,
        data: { form: 'intake' },
        occurredAt: expect.any(String),
      },
    ]);
    expect(events.filter((e) => e.eventId === fresh.body.eventId)).toEqual([
      expect.objectContaining({ type: 'task_entered', memberId: null, data: {} }),
    ]);
    // The stream de-duplicated by Nats-Msg-Id = eventId.
    const js = jetstream(h.nats.nc);
    const ack = await js.publish(
      h.nats.namespace.subject(WorkspaceEventPublished.subject),
      JSON.stringify(events[0]),
      { msgID: first.body.eventId },
    );
    expect(ack.duplicate).toBe(true);
  });

  it('refuses a bad event type, and a member of another workspace (404)', async () => {
    const bad = await h.call('POST', '/v1/events', h.ws.key, { type: 'Form Submitted!' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/type/);
    const other = await h.workspace();
    const theirs = await h.ok('POST', '/v1/members', other.key, { firstName: 'Bo' });
    const before = (await stored()).length;
    expect(
      (await h.call('POST', '/v1/events', h.ws.key, { type: 'form_submitted', memberId: theirs.id })).status,
    ).toBe(404);
    expect((await stored()).length).toBe(before);
  });

  it('stores an event with a future `at` with workflow (not on the stream yet), lists it, and cancels it once', async () => {
    const m = await h.ok('POST', '/v1/members', h.ws.key, { firstName: 'Cy' });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const before = (await stored()).length;
    const res = await h.call('POST', '/v1/events', h.ws.key, {
      type: 'appointment_due',
      memberId: m.id,
      data: { appointment_at: '2026-12-04T09:30:00Z' },
      at,
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ eventId: expect.any(String), status: 'scheduled', at });
    expect((await stored()).length).toBe(before);
    const asked = h.fakes.requests.filter((r) => r.subject === 'rpc.workflow.event.schedule');
    expect(asked.at(-1)?.payload).toMatchObject({ workspaceId: h.ws.id, eventId: res.body.eventId, at });

    const listed = await h.ok('GET', '/v1/events?status=scheduled', h.ws.key);
    expect(listed.items).toEqual([
      expect.objectContaining({ eventId: res.body.eventId, status: 'scheduled' }),
    ]);
    expect((await h.call('GET', '/v1/events?status=later', h.ws.key)).status).toBe(400);

    const cancelled = await h.call('DELETE', `/v1/events/${res.body.eventId}`, h.ws.key);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    const again = await h.call('DELETE', `/v1/events/${res.body.eventId}`, h.ws.key);
    expect(again.status).toBe(409);
    const other = await h.workspace();
    expect((await h.call('DELETE', `/v1/events/${res.body.eventId}`, other.key)).status).toBe(404);
    expect((await h.ok('GET', '/v1/events', other.key)).items).toEqual([]);
  });
});
