import { randomUUID } from 'node:crypto';
import {
  CreateEventRule,
  ListActionRuns,
  ListEventRules,
  WorkspaceEventPublished,
  type SendAction,
} from '@app/contracts';
import { SEND_REASONS } from '@app/rules';
import { staysFalse, waitFor } from '@app/testing';
import { automationForSuite } from '../../testing/automation-harness';

jest.setTimeout(30_000);
const h = automationForSuite();

function setup() {
  const ws = h.fakes.workspace(['whatsapp']);
  const number = h.fakes.number(ws.id);
  const optedIn = h.fakes.member(ws.id, { firstName: 'Grace', notifyWhatsapp: true });
  const optedOut = h.fakes.member(ws.id, { firstName: 'Alan', notifyWhatsapp: false });
  return { ws, number, optedIn, optedOut };
}

const createRule = (workspaceId: string, action: SendAction, condition?: string, event = 'form_submitted') =>
  h.nats.request(CreateEventRule, { workspaceId, event, condition, action });

const runsOf = async (workspaceId: string, ruleId: string) =>
  (await h.nats.request(ListActionRuns, { workspaceId, ruleId })).items;

describe('event rules', () => {
  it('a form-submitted event sends WhatsApp to an opted-in member and logs a skip for one who did not opt in', async () => {
    const { ws, number, optedIn, optedOut } = setup();
    const rule = await createRule(ws.id, {
      type: 'send_whatsapp',
      phoneNumberId: number.id,
      template: 'Hi {{member.first_name}}, thanks for "{{event.data.form}}" at {{workspace.name}}',
    });

    const sentEvent = await h.publishEvent(ws.id, optedIn.id, { form: 'Intake & consent' });
    const skippedEvent = await h.publishEvent(ws.id, optedOut.id, { form: 'Intake & consent' });

    const runs = await waitFor(async () => {
      const items = await runsOf(ws.id, rule.id);
      return items.length === 2 && items.every((r) => r.status !== 'pending' && r.status !== 'accepted')
        ? items
        : null;
    });
    const sent = runs.find((r) => r.eventId === sentEvent)!;
    const skipped = runs.find((r) => r.eventId === skippedEvent)!;
    expect(sent).toMatchObject({ status: 'sent', reason: null, memberId: optedIn.id, ruleId: rule.id });
    expect(sent.sendId).not.toBeNull();
    expect(skipped).toMatchObject({
      status: 'skipped',
      reason: 'Member has WhatsApp notifications disabled.',
      memberId: optedOut.id,
    });

    const [send] = h.fakes.sendsIn(ws.id).filter((s) => s.result.status === 'pending');
    expect(send.request).toMatchObject({
      idempotencyKey: `rule:${rule.id}:${sentEvent}`,
      channel: 'whatsapp',
      kind: 'system',
      memberId: optedIn.id,
      body: `Hi Grace, thanks for "Intake & consent" at ${ws.name}`,
    });
  });

  it('runs an action once per event, however often the event is delivered', async () => {
    const { ws, number, optedIn } = setup();
    const rule = await createRule(
      ws.id,
      { type: 'send_sms', phoneNumberId: number.id, template: 'Task entered' },
      undefined,
      'task_entered',
    );
    const eventId = randomUUID();
    const event = {
      eventId,
      workspaceId: ws.id,
      type: 'task_entered',
      memberId: optedIn.id,
      data: {},
      occurredAt: new Date().toISOString(),
    };
    await h.nats.publish(WorkspaceEventPublished, event, eventId);
    // Past JetStream's de-duplication (another msg id), as a replay from the publisher would be.
    await h.nats.publish(WorkspaceEventPublished, event, `${eventId}-replayed`);

    await waitFor(async () => (await runsOf(ws.id, rule.id)).some((r) => r.status === 'sent'));
    await waitFor(() => h.fakes.sendRequests.filter((s) => s.workspaceId === ws.id).length >= 1);
    expect(await staysFalse(async () => (await runsOf(ws.id, rule.id)).length > 1, 300)).toBe(true);
    expect(h.fakes.twilioSends.get(`${ws.id}:rule:${rule.id}:${eventId}`)).toBe(1);
  });

  it('does not run (nor log) a rule whose condition is false, and runs it when true', async () => {
    const { ws, number, optedIn } = setup();
    const rule = await createRule(
      ws.id,
      { type: 'send_whatsapp', phoneNumberId: number.id, template: 'Score {{event.data.score}}' },
      'event.data.score >= 8 && member.notify_whatsapp',
    );

    await h.publishEvent(ws.id, optedIn.id, { score: 3 });
    const high = await h.publishEvent(ws.id, optedIn.id, { score: 9 });

    const runs = await waitFor(async () => {
      const items = await runsOf(ws.id, rule.id);
      return items.some((r) => r.status === 'sent') ? items : null;
    });
    expect(await staysFalse(async () => (await runsOf(ws.id, rule.id)).length > 1, 300)).toBe(true);
    expect(runs.map((r) => r.eventId)).toEqual([high]);
  });

  it('a rule with a template and a workflow sends the template into the chat it pins to the workflow', async () => {
    const { ws, number, optedIn, optedOut } = setup();
    const workflowId = randomUUID();
    const rule = await createRule(ws.id, {
      type: 'send_whatsapp',
      phoneNumberId: number.id,
      contentSid: `HX${'c'.repeat(32)}`,
      contentVariables: { '1': '{{member.first_name}}', '2': '{{event.data.appointment}}' },
      workflowId,
    });

    const eventId = await h.publishEvent(ws.id, optedIn.id, { appointment: 'Tuesday 10:00' });
    await h.publishEvent(ws.id, optedOut.id, { appointment: 'Friday' });

    const runs = await waitFor(async () => {
      const items = await runsOf(ws.id, rule.id);
      return items.length === 2 && items.every((r) => r.status !== 'pending' && r.status !== 'accepted')
        ? items
        : null;
    });
    const started = runs.find((r) => r.memberId === optedIn.id)!;
    expect(started).toMatchObject({ status: 'sent', chatId: expect.any(String), sendId: expect.any(String) });
    // The chat is pinned to the workflow without a turn of its own: the member's answer is its first.
    expect(h.starter.calls.filter((c) => c.workspace.id === ws.id)).toHaveLength(0);
    const pins = h.starter.pins.filter((c) => c.workspace.id === ws.id);
    expect(pins).toEqual([
      expect.objectContaining({
        idempotencyKey: `rule:${rule.id}:${eventId}`,
        workflowId,
        channel: 'whatsapp',
        member: expect.objectContaining({ id: optedIn.id }),
      }),
    ]);
    // The template went out into that chat, so it is part of the history the workflow sees.
    const sends = h.fakes.sendRequests.filter((s) => s.workspaceId === ws.id);
    expect(sends).toEqual([
      expect.objectContaining({
        chatId: started.chatId,
        contentSid: `HX${'c'.repeat(32)}`,
        contentVariables: { '1': 'Grace', '2': 'Tuesday 10:00' },
        kind: 'system',
      }),
    ]);
    expect(runs.find((r) => r.memberId === optedOut.id)).toMatchObject({
      status: 'skipped',
      reason: SEND_REASONS.memberWhatsappOff,
    });
  });

  it('refuses, when saved, a WhatsApp workflow start with no template (the window may be closed when it runs)', async () => {
    const { ws, number } = setup();
    for (const action of [
      { type: 'send_whatsapp' as const, phoneNumberId: number.id, workflowId: randomUUID() },
      {
        type: 'send_whatsapp' as const,
        phoneNumberId: number.id,
        workflowId: randomUUID(),
        initialMessage: 'I need to reschedule',
      },
    ])
      await expect(createRule(ws.id, action)).rejects.toMatchObject({
        code: 'rule_violation',
        message: expect.stringMatching(/^action.workflowId: .*template.*24-hour window/),
      });
    expect((await h.nats.request(ListEventRules, { workspaceId: ws.id })).items).toEqual([]);
  });

  it('logs the number and workspace checks with their exact texts', async () => {
    const noFeature = h.fakes.workspace([]);
    const member1 = h.fakes.member(noFeature.id, { notifyWhatsapp: true });
    const rule1 = await createRule(noFeature.id, {
      type: 'send_whatsapp',
      phoneNumberId: h.fakes.number(noFeature.id, { whatsappEnabled: false }).id,
      template: 'Hi',
    });

    const { ws, optedIn } = setup();
    const smsOnly = h.fakes.number(ws.id, { whatsappEnabled: false });
    const rule2 = await createRule(ws.id, {
      type: 'send_whatsapp',
      phoneNumberId: smsOnly.id,
      template: 'Hi',
    });

    await h.publishEvent(noFeature.id, member1.id);
    await h.publishEvent(ws.id, optedIn.id);
    const settled = (workspaceId: string, ruleId: string) =>
      waitFor(async () =>
        (await runsOf(workspaceId, ruleId)).find((r) => r.status !== 'pending' && r.status !== 'accepted'),
      );
    const run1 = await settled(noFeature.id, rule1.id);
    const run2 = await settled(ws.id, rule2.id);
    expect(run1).toMatchObject({
      status: 'skipped',
      reason: 'Workspace does not have WhatsApp feature enabled.',
    });
    expect(run2).toMatchObject({ status: 'failed', reason: 'Phone number does not have WhatsApp enabled.' });
  });

  it('refuses a rule with a malformed condition or template, or a number of another workspace', async () => {
    const { ws, number } = setup();
    await expect(
      createRule(
        ws.id,
        { type: 'send_whatsapp', phoneNumberId: number.id, template: 'Hi' },
        'event.data.score >',
      ),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^condition: not a valid CEL expression/),
    });
    // Loops in loops over long lists: refused when saved rather than holding the service per event.
    const list = `[${Array.from({ length: 30 }, (_, i) => i + 1).join(',')}]`;
    await expect(
      createRule(
        ws.id,
        { type: 'send_whatsapp', phoneNumberId: number.id, template: 'Hi' },
        `${list}.exists(a, ${list}.exists(b, ${list}.exists(c, event.data.score == a * b * c)))`,
      ),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^condition: too costly to evaluate: .* more than the limit of 10,000/),
    });
    await expect(
      createRule(ws.id, {
        type: 'send_whatsapp',
        phoneNumberId: number.id,
        template: 'Hi {{member.first_name',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const other = h.fakes.workspace();
    await expect(
      createRule(other.id, { type: 'send_whatsapp', phoneNumberId: number.id, template: 'Hi' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'Phone number not found in this workspace.',
    });
    // Another workspace cannot read this workspace's rules or runs.
    const rule = await createRule(ws.id, { type: 'send_whatsapp', phoneNumberId: number.id, template: 'Hi' });
    await expect(
      h.nats.request(ListActionRuns, { workspaceId: other.id, ruleId: rule.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
