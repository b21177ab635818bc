import { randomPhone, staysFalse, waitFor } from '@app/testing';
import { System } from './system';

describe('AI agents, abilities, event rules, end to end', () => {
  const system = System.forSuite({ llm: true });

  async function agentNumber(instructions: string, abilities: string[] = []) {
    const workflow = await system.workflow(system.ws.key, [{ agent: { instructions, abilities } }]);
    return system.phoneNumber(system.ws.key, { defaultWorkflowId: workflow.id });
  }

  /** The member at `phone` writes to `number` on WhatsApp. */
  const whatsappFrom = (phone: string, number: { number: string }, body: string) =>
    system.inbound({ from: phone, to: number.number, body, channel: 'whatsapp' });

  const memberByPhone = (phone: string) =>
    system.memberByPhone<{ id: string; optedOut: boolean }>(system.ws.key, phone);

  it("answers WhatsApp with the agent's reply, with the conversation's history in the model request", async () => {
    const number = await agentNumber('MARKER-HISTORY You are the front desk.');
    const phone = randomPhone();
    system.llm.script({ text: 'We open at 9.' }, { text: 'Yes, Tuesday works.' });
    await whatsappFrom(phone, number, 'When do you open?');
    await system.waitForSent(phone, 1, 'whatsapp');
    await whatsappFrom(phone, number, 'Can I come Tuesday?');
    const sent = await system.waitForSent(phone, 2, 'whatsapp');
    expect(sent.map((m) => m.body)).toEqual(['We open at 9.', 'Yes, Tuesday works.']);
    const second = system.llm.requestsWith('MARKER-HISTORY')[1];
    const turns = second.messages
      .filter((m) => m.role !== 'system')
      .map((m) => `${m.role}:${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`);
    expect(turns).toEqual(['user:When do you open?', 'assistant:We open at 9.', 'user:Can I come Tuesday?']);
    // The workspace has WhatsApp, but this agent was not given the ability.
    expect((second.tools ?? []).map((t) => t.function.name)).not.toContain('send_whatsapp_message');
  });

  it("sends the agent's send_whatsapp_message through outbound, and offers it only with the feature", async () => {
    const number = await agentNumber('MARKER-TOOL Confirm bookings.', ['send_whatsapp_message']);
    const phone = randomPhone();
    // The tool is a send the system starts: the member must have opted in to WhatsApp.
    await system.ok('POST', '/v1/members', system.ws.key, { phone, firstName: 'Kim', notifyWhatsapp: true });
    system.llm.script(
      {
        toolCalls: [
          { name: 'send_whatsapp_message', arguments: { message: 'Booking confirmed: Tuesday 10:00' } },
        ],
      },
      { text: 'Done, I sent you the confirmation.' },
    );
    await whatsappFrom(phone, number, 'Please book Tuesday');
    const sent = await system.waitForSent(phone, 2, 'whatsapp');
    expect(sent.map((m) => m.body)).toEqual([
      'Booking confirmed: Tuesday 10:00',
      'Done, I sent you the confirmation.',
    ]);
    const [request] = system.llm.requestsWith('MARKER-TOOL');
    expect(request.tools?.map((t) => t.function.name)).toContain('send_whatsapp_message');

    // Without the workspace feature the model never sees the tool.
    const plain = await system.workspace({ whatsapp: false, name: 'SMS only' });
    const workflow = await system.workflow(plain.key, [
      {
        agent: { instructions: 'MARKER-NOFEATURE', abilities: ['send_whatsapp_message', 'send_sms_message'] },
      },
    ]);
    const smsNumber = await system.phoneNumber(plain.key, {
      whatsappEnabled: false,
      defaultWorkflowId: workflow.id,
    });
    const smsPhone = randomPhone();
    system.llm.script({ text: 'Hello by SMS' });
    await system.inbound({ from: smsPhone, to: smsNumber.number, body: 'hi', channel: 'sms' });
    await system.waitForSent(smsPhone, 1, 'sms');
    const names = (system.llm.requestsWith('MARKER-NOFEATURE')[0].tools ?? []).map((t) => t.function.name);
    expect(names).toContain('send_sms_message');
    expect(names).not.toContain('send_whatsapp_message');
  });

  it('falls back politely when the model fails', async () => {
    const number = await agentNumber('MARKER-FALLBACK');
    const phone = randomPhone();
    system.llm.script({ status: 500, body: 'model exploded' });
    await whatsappFrom(phone, number, 'hello?');
    const [reply] = await system.waitForSent(phone, 1, 'whatsapp');
    expect(reply.body).toMatch(/sorry/i);
  });

  it('does not send an AI reply that was in flight when the member sent STOP', async () => {
    const number = await agentNumber('MARKER-STOP');
    const phone = randomPhone();
    system.llm.script({ text: 'This reply must never arrive.', delayMs: 2500 });
    await system.inbound({ from: phone, to: number.number, body: 'tell me everything', channel: 'sms' });
    await waitFor(() => system.llm.requestsWith('MARKER-STOP').length === 1, {
      message: 'the model to be thinking',
    });
    await system.inbound({ from: phone, to: number.number, body: 'STOP', channel: 'sms' });
    const [confirmation] = await system.waitForSent(phone, 1, 'sms');
    expect(confirmation.body).not.toContain('must never arrive');
    expect(
      await staysFalse(
        async () => (await system.sentTo(phone)).some((m) => m.body?.includes('must never arrive')),
        4000,
      ),
    ).toBe(true);
    expect((await memberByPhone(phone)).optedOut).toBe(true);
  });

  it('runs a Send WhatsApp rule on a submitted form: sent for an opted-in member, skipped with the exact text for one who is not', async () => {
    const number = await system.phoneNumber(system.ws.key, {
      defaultWorkflowId: (await system.workflow(system.ws.key, [{ reply: 'ok' }])).id,
    });
    // Members who wrote in recently, so free-form WhatsApp is inside the 24-hour window.
    const optedIn = randomPhone();
    const notOptedIn = randomPhone();
    for (const phone of [optedIn, notOptedIn]) {
      await whatsappFrom(phone, number, 'hi');
      await system.waitForSent(phone, 1, 'whatsapp');
    }
    const yes = await memberByPhone(optedIn);
    const no = await memberByPhone(notOptedIn);
    await system.ok('PATCH', `/v1/members/${yes.id}`, system.ws.key, {
      notifyWhatsapp: true,
      firstName: 'Sam',
    });
    const rule = await system.ok<{ id: string }>('POST', '/v1/event-rules', system.ws.key, {
      event: 'form_submitted',
      condition: 'event.data.form == "intake"',
      action: {
        type: 'send_whatsapp',
        phoneNumberId: number.id,
        template: 'Thanks {{member.first_name}}, we got your intake form.',
      },
    });
    for (const memberId of [yes.id, no.id]) {
      const res = await system.api('POST', '/v1/events', system.ws.key, {
        type: 'form_submitted',
        memberId,
        data: { form: 'intake' },
      });
      expect(res.status).toBe(202);
    }
    await system.ok('POST', '/v1/events', system.ws.key, {
      type: 'form_submitted',
      memberId: yes.id,
      data: { form: 'other' },
    });
    const runs = await waitFor(
      async () => {
        const r = await system.ok<{
          items: Array<{ memberId: string; status: string; reason: string | null }>;
        }>('GET', `/v1/event-rules/${rule.id}/runs`, system.ws.key);
        return r.items.length >= 2 && r.items.every((x) => x.status !== 'pending' && x.status !== 'accepted')
          ? r.items
          : undefined;
      },
      { message: 'two rule runs' },
    );
    expect(runs).toHaveLength(2);
    expect(runs.find((r) => r.memberId === yes.id)).toMatchObject({ status: 'sent' });
    expect(runs.find((r) => r.memberId === no.id)).toMatchObject({
      status: 'skipped',
      reason: 'Member has WhatsApp notifications disabled.',
    });
    const sent = await system.waitForSent(optedIn, 2, 'whatsapp');
    expect(sent[1].body).toBe('Thanks Sam, we got your intake form.');
  });

  it("sends a template into a chat pinned to a workflow, which answers the member's reply", async () => {
    const number = await system.phoneNumber(system.ws.key, {
      defaultWorkflowId: (await system.workflow(system.ws.key, [{ reply: 'ok' }])).id,
    });
    const phone = randomPhone();
    const member = await system.ok<{ id: string }>('POST', '/v1/members', system.ws.key, {
      phone,
      firstName: 'Jo',
      notifyWhatsapp: true,
    });
    const followUp = await system.workflow(
      system.ws.key,
      [{ reply: 'Follow-up on "{{message.body}}": thanks, {{member.first_name}}.' }],
      'Follow-up',
    );
    // A workflow start with no template is refused when saved: the member may be outside the window.
    const refused = await system.api('POST', '/v1/event-rules', system.ws.key, {
      event: 'task_entered',
      action: {
        type: 'send_whatsapp',
        phoneNumberId: number.id,
        workflowId: followUp.id,
        initialMessage: 'hi',
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/^action.workflowId: .*24-hour window/);
    const rule = await system.ok<{ id: string }>('POST', '/v1/event-rules', system.ws.key, {
      event: 'task_entered',
      action: {
        type: 'send_whatsapp',
        phoneNumberId: number.id,
        contentSid: `HX${'f'.repeat(32)}`,
        contentVariables: { '1': '{{member.first_name}}' },
        workflowId: followUp.id,
      },
    });
    await system.ok('POST', '/v1/events', system.ws.key, {
      type: 'task_entered',
      memberId: member.id,
      data: {},
    });
    const [template] = await system.waitForSent(phone, 1, 'whatsapp');
    expect(template.contentSid).toBe(`HX${'f'.repeat(32)}`);
    const run = await waitFor(async () => {
      const runs = await system.ok<{ items: Array<{ status: string; chatId: string | null }> }>(
        'GET',
        `/v1/event-rules/${rule.id}/runs`,
        system.ws.key,
      );
      return runs.items[0]?.status === 'sent' ? runs.items[0] : undefined;
    });
    expect(run.chatId).toEqual(expect.any(String));
    await whatsappFrom(phone, number, 'feeling better');
    const sent = await system.waitForSent(phone, 2, 'whatsapp');
    expect(sent[1].body).toBe('Follow-up on "feeling better": thanks, Jo.');
  });
});
