import { CreateRoutine, GetRoutine, RunRoutine } from '@app/contracts';
import { SEND_REASONS } from '@app/rules';
import { waitFor } from '@app/testing';
import { automationForSuite } from '../../testing/automation-harness';
import { RoutineRunsRepository } from './routine-runs.repository';
import { RoutineScheduler } from './routine-scheduler';

jest.setTimeout(90_000);
const h = automationForSuite();

/** 1,000 members of a fresh workspace; every third one has not opted in to WhatsApp. */
function audience(size = 1000) {
  const { ws, number, members } = h.fakes.audience(size, 'Broadcast', (i) => i % 3 !== 0);
  h.fakes.member(ws.id, { lastName: 'Someone else', notifyWhatsapp: true }); // not matched by the filter
  return { ws, number, members, optedIn: members.filter((m) => m.notifyWhatsapp) };
}

describe('routines', () => {
  it('broadcasts to 1,000 members once each, with progress visible while it runs', async () => {
    const { ws, number, members, optedIn } = audience();
    const routine = await h.nats.request(CreateRoutine, {
      workspaceId: ws.id,
      name: 'Spring campaign',
      memberFilter: 'member.last_name == "Broadcast"',
      action: {
        type: 'send_whatsapp',
        phoneNumberId: number.id,
        template: 'Hi {{member.first_name}}, spring hours at {{workspace.name}}',
      },
    });
    expect(routine.progress).toMatchObject({ state: 'idle', runId: null, matched: 0 });

    h.fakes.sendDelayMs = 5;
    const started = await h.nats.request(RunRoutine, { workspaceId: ws.id, routineId: routine.id });
    expect(started.progress.state).toBe('running');
    // Running it again while it runs does not start a second run.
    expect(
      (await h.nats.request(RunRoutine, { workspaceId: ws.id, routineId: routine.id })).progress.runId,
    ).toBe(started.progress.runId);

    const midway = await waitFor(async () => {
      const r = await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id });
      return r.progress.state === 'running' && r.progress.sent > 0 ? r : null;
    });
    expect(midway.progress.sent).toBeLessThan(optedIn.length);

    const done = await waitFor(
      async () => {
        const r = await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id });
        // Sent once outbound reports each handed to Twilio (the fake does, just after accepting).
        return r.progress.state === 'done' && r.progress.accepted === 0 ? r : null;
      },
      { timeoutMs: 60_000 },
    );
    h.fakes.sendDelayMs = 0;
    expect(done.progress).toMatchObject({
      matched: 1000,
      sent: optedIn.length,
      skipped: members.length - optedIn.length,
      failed: 0,
    });
    expect(done.progress.finishedAt).not.toBeNull();

    const sends = h.fakes.sendsIn(ws.id);
    expect(sends).toHaveLength(1000);
    const sentTo = sends
      .filter((s) => s.result.status === 'pending')
      .map((s) => s.request.memberId)
      .sort();
    expect(sentTo).toEqual(optedIn.map((m) => m.id).sort());
    for (const m of optedIn)
      expect(h.fakes.twilioSends.get(`${ws.id}:routine:${done.progress.runId}:${m.id}`)).toBe(1);
    expect(sends.find((s) => s.request.memberId === optedIn[0].id)!.request).toMatchObject({
      kind: 'system',
      body: `Hi ${optedIn[0].firstName}, spring hours at ${ws.name}`,
    });

    const items = await h.service.app.get(RoutineRunsRepository).items(ws.id, done.progress.runId!);
    const skipped = items.filter((i) => i.status === 'skipped');
    expect(skipped).toHaveLength(members.length - optedIn.length);
    expect(new Set(skipped.map((i) => i.reason))).toEqual(new Set([SEND_REASONS.memberWhatsappOff]));
  });

  it('fires a scheduled routine once per tick, whichever replica looks first', async () => {
    const { ws, number, optedIn } = audience(20);
    const routine = await h.nats.request(CreateRoutine, {
      workspaceId: ws.id,
      name: 'Daily reminder',
      memberFilter: 'member.last_name == "Broadcast" && member.notify_whatsapp',
      action: { type: 'send_sms', phoneNumberId: number.id, template: 'Reminder for {{member.first_name}}' },
      schedule: '0 9 * * *',
    });
    const scheduler = h.service.app.get(RoutineScheduler);
    const runs = h.service.app.get(RoutineRunsRepository);
    const nextMorning = new Date(Date.now() + 25 * 60 * 60 * 1000);
    await Promise.all([scheduler.tick(nextMorning), scheduler.tick(nextMorning)]);

    const done = await waitFor(async () => {
      const r = await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id });
      // Accepted sends count as sent once outbound reports them handed to Twilio.
      return r.progress.state === 'done' && r.progress.accepted === 0 ? r : null;
    });
    expect(done.progress).toMatchObject({ matched: optedIn.length, sent: optedIn.length });
    // Another replica seeing the same tick cannot claim it again.
    const tick = (await runs.get(done.progress.runId!))!.scheduledFor!;
    expect(tick.getUTCHours()).toBe(9);
    expect(await runs.start(ws.id, routine.id, tick)).toBeNull();
    await scheduler.tick(nextMorning);
    expect(
      (await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id })).progress.runId,
    ).toBe(done.progress.runId);
    expect(h.fakes.sendsIn(ws.id)).toHaveLength(optedIn.length);
  });

  it('refuses a malformed filter or schedule, and hides routines of other workspaces', async () => {
    const { ws, number } = audience(1);
    const base = {
      workspaceId: ws.id,
      name: 'x',
      memberFilter: 'member.notify_whatsapp',
      action: { type: 'send_whatsapp' as const, phoneNumberId: number.id, template: 'Hi' },
    };
    await expect(
      h.nats.request(CreateRoutine, { ...base, memberFilter: 'member.notify_whatsapp &&' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^memberFilter: /),
    });
    const list = `[${Array.from({ length: 30 }, (_, i) => i + 1).join(',')}]`;
    await expect(
      h.nats.request(CreateRoutine, {
        ...base,
        memberFilter: `${list}.exists(a, ${list}.exists(b, ${list}.exists(c, member.first_name == string(a))))`,
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(
        /^memberFilter: too costly to evaluate: .* more than the limit of 10,000/,
      ),
    });
    await expect(h.nats.request(CreateRoutine, { ...base, schedule: 'every morning' })).rejects.toMatchObject(
      { code: 'invalid_input', message: expect.stringMatching(/^schedule: /) },
    );
    const routine = await h.nats.request(CreateRoutine, base);
    const other = h.fakes.workspace();
    await expect(
      h.nats.request(GetRoutine, { workspaceId: other.id, routineId: routine.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      h.nats.request(RunRoutine, { workspaceId: other.id, routineId: routine.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
