import { startInMemoryTracing } from '@app/telemetry';
import { randomPhone, waitFor } from '@app/testing';
import { System } from './system';

// Before any service starts: every service in this process reports to the same exporter.
const exporter = startInMemoryTracing('e2e');

describe('one trace from the Twilio webhook to the Twilio send', () => {
  let system: System;
  beforeAll(async () => {
    system = await System.start();
  });
  afterAll(() => system?.stop());

  it('carries one trace id across ingress, routing, chats, workflow and outbound, without phone numbers or bodies', async () => {
    const ws = await system.workspace();
    const workflow = await system.workflow(ws.key, [{ reply: 'traced reply' }]);
    const number = await system.phoneNumber(ws.key, { defaultWorkflowId: workflow.id });
    const phone = randomPhone();
    const { messageSid } = await system.inbound({
      from: phone,
      to: number.number,
      body: 'trace me',
      channel: 'whatsapp',
    });
    await system.waitForSent(phone, 1, 'whatsapp');

    const hops = [
      'inbound.message.received process',
      'conversation.message.accepted process',
      'chat.turn.ready process',
      'outbound.send.requested process',
    ];
    const traceId = await waitFor(
      () => {
        const spans = exporter.getFinishedSpans();
        const root = spans.find((s) => s.name === 'inbound.message.received publish');
        if (!root) return undefined;
        const id = root.spanContext().traceId;
        const names = new Set(spans.filter((s) => s.spanContext().traceId === id).map((s) => s.name));
        return hops.every((h) => names.has(h)) ? id : undefined;
      },
      { message: 'spans of every hop in one trace' },
    );

    const traced = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const attributes = JSON.stringify(traced.map((s) => s.attributes));
    expect(attributes).not.toContain(phone.slice(1));
    expect(attributes).not.toContain(number.number.slice(1));
    expect(attributes).not.toContain('trace me');
    expect(messageSid).toMatch(/^SM/);
  });
});
