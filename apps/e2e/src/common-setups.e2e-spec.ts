import type { GetRoutine, ResponsePayload } from '@app/contracts';
import { randomPhone, staysFalse, waitFor } from '@app/testing';
import { System } from './system';

/**
 * The product documentation's three common setups, followed step by step as a new user would:
 * appointment reminders on WhatsApp, a support line on SMS and WhatsApp, a broadcast campaign.
 */
jest.setTimeout(180_000);

/** A routine's progress as the api shows it. */
type Progress = ResponsePayload<typeof GetRoutine>['progress'];
type Result = { memberId: string; status: string; reason: string | null; errorCode: string | null };

describe('common setups, end to end', () => {
  // The emulator judges the number's rate by arrival, on cores it shares with CI: a slow first
  // call bunches arrivals the sender spaced (CI saw 3 in a second at 2/s). 0.2 headroom (default
  // 0.1) leaves room for that while the spec still asserts the rate is never exceeded.
  const system = System.forSuite({ llm: true, env: { SEND_RATE_HEADROOM: '0.2' } });

  const routine = (id: string) =>
    system.ok<{ progress: Progress }>('GET', `/v1/routines/${id}`, system.ws.key);
  const settledRun = (id: string, runId?: string) =>
    waitFor(
      async () => {
        const { progress } = await routine(id);
        return progress.state === 'done' && progress.accepted === 0 && (!runId || progress.runId === runId)
          ? progress
          : null;
      },
      { timeoutMs: 90_000, message: 'the routine run to finish with every send handed to Twilio' },
    );
  /** Runs the routine now (POST /v1/routines/{id}/run): the progress of the run it started. */
  const runNow = async (id: string) =>
    (await system.ok<{ progress: Progress }>('POST', `/v1/routines/${id}/run`, system.ws.key)).progress;
  const results = async (id: string, runId: string) =>
    (await system.ok<{ items: Result[] }>('GET', `/v1/routines/${id}/runs/${runId}/results`, system.ws.key))
      .items;

  it('appointment reminders: a scheduled routine sends the reminder template once per appointment, and the reschedule workflow answers the reply', async () => {
    // The reschedule workflow: an agent (the scripted model) that handles the member's answer.
    const reschedule = await system.workflow(
      system.ws.key,
      [{ agent: { instructions: 'MARKER-RESCHEDULE Offer a new appointment time.' } }],
      'Reschedule',
    );
    const frontDesk = await system.workflow(system.ws.key, [{ reply: 'Front desk here.' }]);
    const number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: frontDesk.id });
    // Members with an appointment attribute: one tomorrow morning (inside 24 hours), one next week.
    const soon = new Date(Date.now() + 20 * 3_600_000).toISOString();
    const phone = randomPhone();
    const later = randomPhone();
    const dana = await system.ok<{ id: string }>('POST', '/v1/members', system.ws.key, {
      phone,
      firstName: 'Dana',
      notifyWhatsapp: true,
      attributes: { appointment_at: soon },
    });
    await system.ok('POST', '/v1/members', system.ws.key, {
      phone: later,
      firstName: 'Lee',
      notifyWhatsapp: true,
      attributes: { appointment_at: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    });
    // Unapproved free-form text would fail outside the window: the action must carry a template.
    const freeForm = await system.api('POST', '/v1/routines', system.ws.key, {
      name: 'Reminders',
      memberFilter: 'true',
      action: { type: 'send_whatsapp', phoneNumberId: number.id, workflowId: reschedule.id },
    });
    expect(freeForm.status).toBe(422);
    expect(freeForm.body.message).toMatch(/template.*24-hour window/);

    const reminders = await system.ok<{ id: string }>('POST', '/v1/routines', system.ws.key, {
      name: 'Appointment reminders',
      memberFilter:
        'has(member.attributes.appointment_at) && timestamp(member.attributes.appointment_at) > now && timestamp(member.attributes.appointment_at) - now < duration("24h")',
      schedule: '* * * * *',
      oncePer: 'member.id + ":" + member.attributes.appointment_at',
      action: {
        type: 'send_whatsapp',
        phoneNumberId: number.id,
        contentSid: `HX${'a1'.repeat(16)}`,
        contentVariables: { '1': '{{member.first_name}}', '2': '{{member.attributes.appointment_at}}' },
        workflowId: reschedule.id,
      },
    });

    // The schedule fires (once a minute)...
    const first = await waitFor(
      async () => {
        const { progress } = await routine(reminders.id);
        return progress.runId && progress.state === 'done' && progress.accepted === 0 ? progress : null;
      },
      { timeoutMs: 100_000, intervalMs: 500, message: 'the scheduled tick' },
    );
    expect(first).toMatchObject({ matched: 1, sent: 1, skipped: 0, failed: 0 });
    // ...and fires again (here: run now): the reminder is not sent twice for the same appointment.
    const again = await runNow(reminders.id);
    const second = await settledRun(reminders.id, again.runId!);
    expect(second).toMatchObject({ matched: 1, sent: 0, skipped: 1 });
    expect((await results(reminders.id, second.runId!))[0]).toMatchObject({
      memberId: dana.id,
      status: 'skipped',
      reason: expect.stringMatching(/^Already done once/),
    });
    const sent = await system.sentTo(phone, 'whatsapp');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ contentSid: `HX${'a1'.repeat(16)}`, status: expect.any(String) });
    expect(await system.sentTo(later, 'whatsapp')).toEqual([]);

    // The member answers inside the 24-hour window: the reschedule workflow (not the front desk) answers.
    system.llm.script({ text: 'Friday at 10:00 works. You are booked, Dana.' });
    await system.inbound({ from: phone, to: number.number, body: 'can we do Friday?', channel: 'whatsapp' });
    const replies = await system.waitForSent(phone, 2, 'whatsapp');
    expect(replies[1].body).toBe('Friday at 10:00 works. You are booked, Dana.');
    const [request] = system.llm.requestsWith('MARKER-RESCHEDULE');
    const turns = request.messages
      .filter((m) => m.role !== 'system')
      .map((m) => `${m.role}:${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`);
    // The reminder is part of the history the agent sees, before the member's answer.
    expect(turns).toEqual([
      `assistant:[WhatsApp template HX${'a1'.repeat(16)} sent]`,
      'user:can we do Friday?',
    ]);
    const chats = await system.ok<{ items: Array<{ id: string; channel: string }> }>(
      'GET',
      `/v1/chats?memberId=${dana.id}`,
      system.ws.key,
    );
    expect(chats.items).toHaveLength(1);
    // Chats stores the reply from outbound's update, which can land just after the emulator has it.
    const messages = await waitFor(
      async () => {
        const page = await system.ok<{ items: Array<{ direction: string; contentSid: string | null }> }>(
          'GET',
          `/v1/chats/${chats.items[0].id}/messages`,
          system.ws.key,
        );
        return page.items.length >= 3 ? page : undefined;
      },
      { timeoutMs: 10_000, message: 'the reply stored in the chat' },
    );
    expect(messages.items.map((m) => m.direction)).toEqual(['outbound', 'inbound', 'outbound']);
    expect(messages.items[0].contentSid).toBe(`HX${'a1'.repeat(16)}`);
  });

  it('a support line on SMS and WhatsApp: one number, one workflow, a CEL branch on the channel', async () => {
    const support = await system.workflow(
      system.ws.key,
      [
        {
          if: 'chat.channel == "whatsapp"',
          then: [{ reply: 'Hi {{member.first_name}}, WhatsApp support here: send us a photo of the issue.' }],
          else: [{ reply: 'SMS support here: reply with your order number.' }],
        },
      ],
      'Support',
    );
    // An SMS number first; WhatsApp is then switched on for the same number.
    const number = await system.phoneNumber(system.ws.key, {
      whatsappEnabled: false,
      defaultWorkflowId: support.id,
    });
    await system.ok('PATCH', `/v1/phone-numbers/${number.id}`, system.ws.key, { whatsappEnabled: true });
    const phone = randomPhone();
    await system.inbound({ from: phone, to: number.number, body: 'my order is late', channel: 'sms' });
    const [sms] = await system.waitForSent(phone, 1, 'sms');
    expect(sms.body).toBe('SMS support here: reply with your order number.');
    await system.inbound({
      from: phone,
      to: number.number,
      body: 'my order is late',
      channel: 'whatsapp',
      profileName: 'Robin',
    });
    const [wa] = await system.waitForSent(phone, 1, 'whatsapp');
    expect(wa.body).toMatch(/^Hi .*, WhatsApp support here/);
    // Each answer went back on the channel the member used; one member, a chat per channel.
    expect(await system.sentTo(phone, 'sms')).toHaveLength(1);
    const [member] = await system.membersWithPhone(system.ws.key, phone);
    const chats = await system.ok<{ items: Array<{ channel: string }> }>(
      'GET',
      `/v1/chats?memberId=${member.id}`,
      system.ws.key,
    );
    expect(chats.items.map((c) => c.channel).sort()).toEqual(['sms', 'whatsapp']);
  });

  it('a broadcast campaign: a template to opted-in members over a filter, at the number rate, with per-member results', async () => {
    const number = await system.phoneNumber(system.ws.key, { sendRatePerSecond: 2 });
    const tag = `spring-${Date.now()}`;
    const phones: string[] = [];
    const create = async (fields: Record<string, unknown>) => {
      const phone = randomPhone();
      phones.push(phone);
      return system.ok<{ id: string }>('POST', '/v1/members', system.ws.key, { phone, ...fields });
    };
    const optedIn = [];
    for (let i = 0; i < 6; i++)
      optedIn.push(
        await create({ firstName: `Fan${i}`, notifyWhatsapp: true, attributes: { campaign: tag } }),
      );
    const notOptedIn = await create({
      firstName: 'Quiet',
      notifyWhatsapp: false,
      attributes: { campaign: tag },
    });
    const other = await create({
      firstName: 'Elsewhere',
      notifyWhatsapp: true,
      attributes: { campaign: 'autumn' },
    });

    // No broadcast without an approved template: a workflow start alone is refused.
    const campaign = await system.ok<{ id: string }>('POST', '/v1/routines', system.ws.key, {
      name: 'Spring campaign',
      memberFilter: `member.notify_whatsapp && member.attributes.campaign == "${tag}"`,
      action: {
        type: 'send_whatsapp',
        phoneNumberId: number.id,
        contentSid: `HX${'b2'.repeat(16)}`,
        contentVariables: { '1': '{{member.first_name}}' },
      },
    });
    const started = Date.now();
    const run = await runNow(campaign.id);
    const done = await settledRun(campaign.id, run.runId!);
    expect(done).toMatchObject({ matched: 6, sent: 6, skipped: 0, failed: 0, undelivered: 0 });
    const items = await results(campaign.id, done.runId!);
    expect(items.map((r) => r.memberId).sort()).toEqual(optedIn.map((m) => m.id).sort());
    expect(items.every((r) => r.status === 'sent' && r.reason === null)).toBe(true);
    expect(
      await system.ok(
        'GET',
        `/v1/routines/${campaign.id}/runs/${done.runId}/results?status=skipped`,
        system.ws.key,
      ),
    ).toMatchObject({ items: [] });

    // The number's rate: at most 2 a second reached Twilio, so 6 took at least 2 seconds.
    const rate = await system.twilio.rate(number.number);
    expect(rate.count).toBe(6);
    expect(rate.maxInAnySecond).toBeLessThanOrEqual(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    for (const m of [notOptedIn, other]) {
      const phone = phones[[...optedIn, notOptedIn, other].indexOf(m)];
      expect(await system.sentTo(phone)).toEqual([]);
    }

    // A member who turned WhatsApp off since is skipped with the reason in the next run's results.
    await system.ok('PATCH', `/v1/members/${optedIn[0].id}`, system.ws.key, { notifyWhatsapp: false });
    const filterless = await system.ok<{ id: string }>('POST', '/v1/routines', system.ws.key, {
      name: 'Spring follow-up',
      memberFilter: `member.attributes.campaign == "${tag}"`,
      action: { type: 'send_whatsapp', phoneNumberId: number.id, contentSid: `HX${'b2'.repeat(16)}` },
    });
    const next = await runNow(filterless.id);
    const followUp = await settledRun(filterless.id, next.runId!);
    expect(followUp).toMatchObject({ matched: 7, sent: 5, skipped: 2 });
    const skipped = (await results(filterless.id, followUp.runId!)).filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => r.memberId).sort()).toEqual([optedIn[0].id, notOptedIn.id].sort());
    expect(new Set(skipped.map((r) => r.reason))).toEqual(
      new Set(['Member has WhatsApp notifications disabled.']),
    );
    expect(await staysFalse(async () => (await system.sentTo(phones[6])).length > 0, 500)).toBe(true);
  });
});
