import {
  CancelRoutineRun,
  CreateRoutine,
  DeleteEventRule,
  DeleteRoutine,
  GetEventRule,
  GetRoutine,
  ListActionRuns,
  ListRoutineRunResults,
  ListRoutines,
  RunRoutine,
  UpdateEventRule,
  UpdateRoutine,
  type RequestPayload,
} from '@app/contracts';
import { SEND_REASONS } from '@app/rules';
import { staysFalse, waitFor } from '@app/testing';
import { automationForSuite } from '../testing/automation-harness';

jest.setTimeout(60_000);
const h = automationForSuite();

/** The request fails with this error code (a refused change changes nothing). */
const refused = (request: Promise<unknown>, code: string) => expect(request).rejects.toMatchObject({ code });
const updateRule = (
  workspaceId: string,
  ruleId: string,
  patch: RequestPayload<typeof UpdateEventRule>['patch'],
) => h.nats.request(UpdateEventRule, { workspaceId, ruleId, patch });
const updateRoutine = (
  workspaceId: string,
  routineId: string,
  patch: RequestPayload<typeof UpdateRoutine>['patch'],
) => h.nats.request(UpdateRoutine, { workspaceId, routineId, patch });

describe('managing event rules', () => {
  it('updates a rule, disables it (an event then does nothing), enables it again and deletes it', async () => {
    const { ws, number, member, rule } = await h.ruleForOneMember(
      { firstName: 'Grace', notifyWhatsapp: true },
      { type: 'send_whatsapp', template: 'Hi' },
    );

    const changed = await updateRule(ws.id, rule.id, {
      condition: 'member.first_name == "Grace"',
      action: { type: 'send_whatsapp', phoneNumberId: number.id, template: 'Hello {{member.first_name}}' },
    });
    expect(changed).toMatchObject({ condition: 'member.first_name == "Grace"', enabled: true });
    expect(changed.action).toMatchObject({ template: 'Hello {{member.first_name}}' });
    // Checked as when created: a bad condition is refused and changes nothing.
    await refused(updateRule(ws.id, rule.id, { condition: 'member.(' }), 'invalid_input');

    await updateRule(ws.id, rule.id, { enabled: false });
    const ignored = await h.publishEvent(ws.id, member.id);
    expect(
      await staysFalse(
        async () =>
          (await h.nats.request(ListActionRuns, { workspaceId: ws.id, ruleId: rule.id })).items.some(
            (r) => r.eventId === ignored,
          ),
        1_500,
      ),
    ).toBe(true);

    await updateRule(ws.id, rule.id, { enabled: true });
    const handled = await h.publishEvent(ws.id, member.id);
    const run = await waitFor(async () =>
      (await h.nats.request(ListActionRuns, { workspaceId: ws.id, ruleId: rule.id })).items.find(
        (r) => r.eventId === handled && r.status !== 'pending' && r.status !== 'accepted',
      ),
    );
    expect(run.status).toBe('sent');
    expect(h.fakes.sendsIn(ws.id).find((s) => s.request.idempotencyKey.endsWith(handled))?.request.body).toBe(
      'Hello Grace',
    );

    // Another workspace can neither change nor delete it.
    const stranger = h.fakes.workspace(['whatsapp']);
    await refused(
      h.nats.request(DeleteEventRule, { workspaceId: stranger.id, ruleId: rule.id }),
      'not_found',
    );
    expect(await h.nats.request(DeleteEventRule, { workspaceId: ws.id, ruleId: rule.id })).toEqual({
      deleted: true,
    });
    await expect(h.nats.request(GetEventRule, { workspaceId: ws.id, ruleId: rule.id })).rejects.toMatchObject(
      {
        code: 'not_found',
      },
    );
  });
});

describe('managing routines', () => {
  const audience = (size: number) => h.fakes.audience(size, 'Managed', (i) => i % 4 !== 0);
  const create = (workspaceId: string, phoneNumberId: string, name = 'Reminders') =>
    h.nats.request(CreateRoutine, {
      workspaceId,
      name,
      memberFilter: 'member.last_name == "Managed"',
      action: { type: 'send_whatsapp', phoneNumberId, template: 'Hi {{member.first_name}}' },
    });

  it('lists routines page by page, and updates one (checked as when created)', async () => {
    const { ws, number } = audience(0);
    const a = await create(ws.id, number.id, 'A');
    const b = await create(ws.id, number.id, 'B');
    const c = await create(ws.id, number.id, 'C');
    const first = await h.nats.request(ListRoutines, { workspaceId: ws.id, limit: 2 });
    expect(first.items.map((r) => r.name)).toEqual(['A', 'B']);
    const second = await h.nats.request(ListRoutines, {
      workspaceId: ws.id,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second).toMatchObject({ items: [{ id: c.id }], nextCursor: null });
    expect((await h.nats.request(ListRoutines, { workspaceId: h.fakes.workspace([]).id })).items).toEqual([]);

    const renamed = await updateRoutine(ws.id, a.id, { name: 'A2', schedule: '0 9 * * *' });
    expect(renamed).toMatchObject({ name: 'A2', schedule: '0 9 * * *', paused: false });
    await refused(updateRoutine(ws.id, b.id, { schedule: 'every day' }), 'invalid_input');
    expect((await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: b.id })).schedule).toBeNull();
  });

  it('a paused routine does not run; resumed, it does, and its per-member results page by status', async () => {
    const { ws, number, members } = audience(10);
    const routine = await create(ws.id, number.id);
    await updateRoutine(ws.id, routine.id, { paused: true });
    await refused(h.nats.request(RunRoutine, { workspaceId: ws.id, routineId: routine.id }), 'conflict');
    expect(h.fakes.sendsIn(ws.id)).toHaveLength(0);

    await updateRoutine(ws.id, routine.id, { paused: false });
    const started = await h.nats.request(RunRoutine, { workspaceId: ws.id, routineId: routine.id });
    const runId = started.progress.runId!;
    await waitFor(async () => {
      const r = await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id });
      return r.progress.state === 'done';
    });

    const skipped = await h.nats.request(ListRoutineRunResults, {
      workspaceId: ws.id,
      routineId: routine.id,
      runId,
      status: 'skipped',
    });
    const notOptedIn = members.filter((m) => !m.notifyWhatsapp).map((m) => m.id);
    expect(skipped.items.map((i) => i.memberId).sort()).toEqual(notOptedIn.sort());
    expect(skipped.items.every((i) => i.reason === SEND_REASONS.memberWhatsappOff)).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ memberId: string }>; nextCursor: string | null } = await h.nats.request(
        ListRoutineRunResults,
        {
          workspaceId: ws.id,
          routineId: routine.id,
          runId,
          limit: 3,
          cursor,
        },
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.memberId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(members.map((m) => m.id).sort());
    await refused(
      h.nats.request(ListRoutineRunResults, {
        workspaceId: h.fakes.workspace([]).id,
        routineId: routine.id,
        runId,
      }),
      'not_found',
    );
  });

  it('a cancelled run stops taking members and says how far it got; a deleted routine is gone', async () => {
    const { ws, number } = audience(400);
    const routine = await create(ws.id, number.id);
    h.fakes.sendDelayMs = 50;
    try {
      await h.nats.request(RunRoutine, { workspaceId: ws.id, routineId: routine.id });
      await waitFor(async () => h.fakes.sendsIn(ws.id).length >= 20);
      const cancelled = await h.nats.request(CancelRoutineRun, { workspaceId: ws.id, routineId: routine.id });
      expect(cancelled.progress.state).toBe('cancelled');
      // At most the sends already in flight (16 at a time) finish; no member is taken after that.
      const atCancel = h.fakes.sendsIn(ws.id).length;
      expect(await staysFalse(() => h.fakes.sendsIn(ws.id).length > atCancel + 16, 2_000)).toBe(true);
      const settled = await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id });
      // The first page of 200 members was matched; the second never was.
      expect(settled.progress).toMatchObject({ state: 'cancelled', matched: 200 });
      const acted = settled.progress.sent + settled.progress.skipped;
      expect(acted).toBeLessThan(200);
      expect(settled.progress.error).toBe(
        `Cancelled after acting on ${acted} of 200 matched members (members were still being matched); the rest were left out.`,
      );
      await refused(
        h.nats.request(CancelRoutineRun, { workspaceId: ws.id, routineId: routine.id }),
        'conflict',
      );
    } finally {
      h.fakes.sendDelayMs = 0;
    }

    expect(await h.nats.request(DeleteRoutine, { workspaceId: ws.id, routineId: routine.id })).toEqual({
      deleted: true,
    });
    await expect(
      h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('with oncePer, acts on a member once per key however often it runs; a new key is acted on again', async () => {
    const ws = h.fakes.workspace(['whatsapp']);
    const number = h.fakes.number(ws.id);
    const soon = new Date(Date.now() + 3 * 3600_000).toISOString();
    const member = h.fakes.member(ws.id, {
      firstName: 'Ada',
      lastName: 'Patient',
      notifyWhatsapp: true,
      attributes: { appointment_at: soon },
    });
    const routine = await h.nats.request(CreateRoutine, {
      workspaceId: ws.id,
      name: 'Appointment reminder',
      memberFilter: 'member.last_name == "Patient"',
      oncePer: 'member.id + ":" + member.attributes.appointment_at',
      action: {
        type: 'send_whatsapp',
        phoneNumberId: number.id,
        template: 'See you at {{member.attributes.appointment_at}}',
      },
    });
    expect(routine.oncePer).toBe('member.id + ":" + member.attributes.appointment_at');
    await refused(updateRoutine(ws.id, routine.id, { oncePer: 'member.(' }), 'invalid_input');

    const runOnce = async () => {
      await h.nats.request(RunRoutine, { workspaceId: ws.id, routineId: routine.id });
      return waitFor(async () => {
        const r = await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id });
        return r.progress.state === 'done' && r.progress.accepted === 0 ? r.progress : null;
      });
    };
    expect(await runOnce()).toMatchObject({ matched: 1, sent: 1, skipped: 0 });
    const second = await runOnce();
    expect(second).toMatchObject({ matched: 1, sent: 0, skipped: 1 });
    const [result] = (
      await h.nats.request(ListRoutineRunResults, {
        workspaceId: ws.id,
        routineId: routine.id,
        runId: second.runId!,
      })
    ).items;
    expect(result.reason).toMatch(/^Already done once for this member and key/);
    const sent = h.fakes.sendsIn(ws.id).filter((s) => s.result.status === 'pending');
    expect(sent.map((s) => s.request.body)).toEqual([`See you at ${soon}`]);

    // Rescheduled: a new appointment is a new key.
    member.attributes = { appointment_at: new Date(Date.now() + 5 * 3600_000).toISOString() };
    expect(await runOnce()).toMatchObject({ sent: 1 });
  });
});
