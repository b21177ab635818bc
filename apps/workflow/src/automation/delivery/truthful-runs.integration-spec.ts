import { CreateRoutine, GetRoutine, ListActionRuns, ListRoutineRunResults, RunRoutine } from '@app/contracts';
import { SEND_REASONS } from '@app/rules';
import { describeTwilioError } from '@app/twilio';
import { staysFalse, waitFor } from '@app/testing';
import { automationForSuite } from '../../testing/automation-harness';

jest.setTimeout(60_000);
const h = automationForSuite();
afterEach(() => {
  h.fakes.handOver = true;
});

const WINDOW_CLOSED = { code: '63016', reason: describeTwilioError('63016') };

describe('truthful run logs', () => {
  it("a rule's run is accepted until outbound hands the send to Twilio, sent then, undelivered with Twilio's code after a failed callback", async () => {
    h.fakes.handOver = false;
    const { ws, member, rule } = await h.ruleForOneMember(
      { firstName: 'Grace', notifyWhatsapp: true },
      { type: 'send_whatsapp', template: 'Hi {{member.first_name}}' },
    );
    await h.publishEvent(ws.id, member.id);
    const run = () =>
      h.nats.request(ListActionRuns, { workspaceId: ws.id, ruleId: rule.id }).then((p) => p.items[0]);
    // Outbound accepted it (pending on its side): not `sent` while it has not reached Twilio.
    expect(await waitFor(async () => ((await run())?.status === 'accepted' ? run() : null))).toMatchObject({
      status: 'accepted',
      reason: null,
      sendId: expect.any(String),
    });
    expect(await staysFalse(async () => (await run()).status !== 'accepted', 500)).toBe(true);

    const [send] = h.fakes.sendsIn(ws.id);
    await h.fakes.report(send.request, send.result.id, 'queued');
    await waitFor(async () => (await run()).status === 'sent');
    await h.fakes.report(send.request, send.result.id, 'undelivered', WINDOW_CLOSED);
    await waitFor(async () => (await run()).status === 'undelivered');
    expect(await run()).toMatchObject({
      status: 'undelivered',
      errorCode: '63016',
      reason: WINDOW_CLOSED.reason,
    });
    expect(WINDOW_CLOSED.reason).toMatch(/24 hours/);
    // A late `sent` (callbacks arrive out of order) does not undo the failure.
    await h.fakes.report(send.request, send.result.id, 'sent');
    expect(await staysFalse(async () => (await run()).status !== 'undelivered', 800)).toBe(true);
  });

  it("a routine's per-member results and counts follow their sends: sent, skipped with the reason, undelivered with the code", async () => {
    const ws = h.fakes.workspace(['whatsapp']);
    const number = h.fakes.number(ws.id);
    const members = [0, 1, 2].map((i) => h.fakes.member(ws.id, { firstName: `M${i}`, notifyWhatsapp: true }));
    const off = h.fakes.member(ws.id, { firstName: 'Off', notifyWhatsapp: false });
    const routine = await h.nats.request(CreateRoutine, {
      workspaceId: ws.id,
      name: 'Reminder',
      memberFilter: 'true',
      action: { type: 'send_whatsapp', phoneNumberId: number.id, contentSid: `HX${'d'.repeat(32)}` },
    });
    const { progress } = await h.nats.request(RunRoutine, { workspaceId: ws.id, routineId: routine.id });
    const runId = progress.runId!;
    const done = await waitFor(async () => {
      const r = await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id });
      return r.progress.state === 'done' && r.progress.sent === 3 ? r : null;
    });
    expect(done.progress).toMatchObject({
      matched: 4,
      accepted: 0,
      sent: 3,
      skipped: 1,
      failed: 0,
      undelivered: 0,
    });

    const failing = h.fakes.sendsIn(ws.id).find((s) => s.request.memberId === members[1].id)!;
    await h.fakes.report(failing.request, failing.result.id, 'undelivered', WINDOW_CLOSED);
    const after = await waitFor(async () => {
      const r = await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id });
      return r.progress.undelivered === 1 ? r : null;
    });
    expect(after.progress).toMatchObject({ sent: 2, skipped: 1, undelivered: 1 });
    // The same callback again (Twilio retries) changes nothing.
    await h.fakes.report(failing.request, failing.result.id, 'undelivered', WINDOW_CLOSED);
    expect(
      await staysFalse(async () => {
        const r = await h.nats.request(GetRoutine, { workspaceId: ws.id, routineId: routine.id });
        return r.progress.undelivered !== 1 || r.progress.sent !== 2;
      }, 800),
    ).toBe(true);

    const results = await h.nats.request(ListRoutineRunResults, {
      workspaceId: ws.id,
      routineId: routine.id,
      runId,
    });
    const byMember = new Map(results.items.map((r) => [r.memberId, r]));
    expect(byMember.get(members[0].id)).toMatchObject({ status: 'sent', reason: null, errorCode: null });
    expect(byMember.get(members[1].id)).toMatchObject({
      status: 'undelivered',
      errorCode: '63016',
      reason: WINDOW_CLOSED.reason,
    });
    expect(byMember.get(off.id)).toMatchObject({ status: 'skipped', reason: SEND_REASONS.memberWhatsappOff });
    const undelivered = await h.nats.request(ListRoutineRunResults, {
      workspaceId: ws.id,
      routineId: routine.id,
      runId,
      status: 'undelivered',
    });
    expect(undelivered.items.map((r) => r.memberId)).toEqual([members[1].id]);
  });

  it('a send Twilio refused outright (no message SID) is failed with the reason, not undelivered', async () => {
    h.fakes.handOver = false;
    const { ws, member, rule } = await h.ruleForOneMember(
      { notifyWhatsapp: true },
      { type: 'send_sms', template: 'Hi' },
    );
    await h.publishEvent(ws.id, member.id);
    const run = () =>
      h.nats.request(ListActionRuns, { workspaceId: ws.id, ruleId: rule.id }).then((p) => p.items[0]);
    await waitFor(async () => (await run())?.status === 'accepted');
    const [send] = h.fakes.sendsIn(ws.id);
    const unsubscribed = { code: '21610', reason: describeTwilioError('21610') };
    await h.fakes.report(send.request, send.result.id, 'failed', unsubscribed, false);
    await waitFor(async () => (await run()).status === 'failed');
    expect(await run()).toMatchObject({ status: 'failed', errorCode: '21610', reason: unsubscribed.reason });
  });
});
