import { randomUUID } from 'node:crypto';
import { CreateEventRule, ListActionRuns, WorkspaceEventPublished, type SendAction } from '@app/contracts';
import { SEND_REASONS } from '@app/rules';
import { staysFalse, uniqueNamespace, waitFor } from '@app/testing';
import { startAutomation, type AutomationHarness } from '../../testing/automation-harness';

jest.setTimeout(30_000);
let h: AutomationHarness;

beforeAll(async () => {
  h = await startAutomation(uniqueNamespace());
});
afterAll(async () => {
  await h?.close();
});

function setup() {
  const ws = h.fakes.workspace(['whatsapp']);
  const number = h.fakes.number(ws.id);
  const optedIn = h.fakes.member(ws.id, { firstName: 'Grace', notifyWhatsapp: true });
  const optedOut = h.fakes.member(ws.id, { firstName: 'Alan', notifyWhatsapp: false });
  return { ws, number, optedIn, optedOut };
}

const createRule = (workspaceId: string, action: SendAction, condition?: string, event = 'form_submitted') =>
  h.nats.request(CreateEventRule, { workspaceId, event, condition, action });

const publishEvent = (
  workspaceId: string,
  memberId: string | null,
  data: Record<string, unknown> = {},
  type = 'form_submitted',
) => {
  const eventId = randomUUID();
  return h.nats
    .publish(
      WorkspaceEventPublished,
      { eventId, workspaceId, type, memberId, data, occurredAt: new Date().toISOString() },
      eventId,
    )
    .then(() => eventId);
};

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

    const sentEvent = await publishEvent(ws.id, optedIn.id, { form: 'Intake & consent' });
    const skippedEvent = await publishEvent(ws.id, optedOut.id, { form: 'Intake & consent' });

    const runs = await waitFor(async () => {
      const items = await runsOf(ws.id, rule.id);
      return items.length === 2 && items.every((r) => r.status !== 'pending') ? items : null;
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

    await publishEvent(ws.id, optedIn.id, { score: 3 });
    const high = await publishEvent(ws.id, optedIn.id, { score: 9 });

    const runs = await waitFor(async () => {
      const items = await runsOf(ws.id, rule.id);
      return items.some((r) => r.status === 'sent') ? items : null;
    });
    expect(await staysFalse(async () => (await runsOf(ws.id, rule.id)).length > 1, 300)).toBe(true);
    expect(runs.map((r) => r.eventId)).toEqual([high]);
  });

  it('a rule with a workflow starts a WhatsApp chat whose first turn is the initial message', async () => {
    const { ws, number, optedIn, optedOut } = setup();
    const workflowId = randomUUID();
    const rule = await createRule(ws.id, {
      type: 'send_whatsapp',
      phoneNumberId: number.id,
      workflowId,
      initialMessage: 'I need to reschedule {{event.data.appointment}}',
    });

    const eventId = await publishEvent(ws.id, optedIn.id, { appointment: 'Tuesday 10:00' });
    await publishEvent(ws.id, optedOut.id, { appointment: 'Friday' });

    const runs = await waitFor(async () => {
      const items = await runsOf(ws.id, rule.id);
      return items.length === 2 && items.every((r) => r.status !== 'pending') ? items : null;
    });
    const started = runs.find((r) => r.memberId === optedIn.id)!;
    expect(started.status).toBe('sent');
    const calls = h.starter.calls.filter((c) => c.workspace.id === ws.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      idempotencyKey: `rule:${rule.id}:${eventId}`,
      workflowId,
      channel: 'whatsapp',
      initialMessage: 'I need to reschedule Tuesday 10:00',
      member: { id: optedIn.id },
      phoneNumber: { id: number.id },
    });
    expect(started.chatId).not.toBeNull();
    expect(runs.find((r) => r.memberId === optedOut.id)).toMatchObject({
      status: 'skipped',
      reason: SEND_REASONS.memberWhatsappOff,
    });
    // A chat, not a message: nothing went to outbound.
    expect(h.fakes.sendRequests.filter((s) => s.workspaceId === ws.id)).toHaveLength(0);
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

    await publishEvent(noFeature.id, member1.id);
    await publishEvent(ws.id, optedIn.id);
    const settled = (workspaceId: string, ruleId: string) =>
      waitFor(async () => (await runsOf(workspaceId, ruleId)).find((r) => r.status !== 'pending'));
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
