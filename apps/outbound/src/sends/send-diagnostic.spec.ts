import { randomUUID } from 'node:crypto';
import type { OutboundMessageUpdated } from '@app/contracts';
import { DiagnosticRecorded } from '@app/contracts';
import { SEND_REASONS } from '@app/rules';
import { sendDiagnostic } from './send-diagnostic';

function sendUpdate(fields: Partial<OutboundMessageUpdated>): OutboundMessageUpdated {
  return {
    sendId: randomUUID(),
    idempotencyKey: `test:${randomUUID()}`,
    workspaceId: randomUUID(),
    phoneNumberId: randomUUID(),
    memberId: randomUUID(),
    chatId: null,
    channel: 'whatsapp',
    kind: 'system',
    origin: { service: 'workflow', ref: null },
    body: 'Your appointment is tomorrow',
    mediaUrls: [],
    contentSid: null,
    status: 'skipped',
    reason: null,
    errorCode: null,
    twilioSid: null,
    toPhone: '+15551230001',
    occurredAt: new Date().toISOString(),
    ...fields,
  };
}

describe('a send update as a diagnostics record', () => {
  it('records a skipped send with the reason’s code, the masked address and the run it came from', () => {
    const runId = randomUUID();
    const update = sendUpdate({
      status: 'skipped',
      reason: SEND_REASONS.sandboxNotJoined,
      origin: { service: 'workflow', ref: `routine-run:${runId}` },
    });
    const record = sendDiagnostic(update);
    expect(record).toEqual({
      key: `send:${update.sendId}:skipped`,
      workspaceId: update.workspaceId,
      kind: 'send_skipped',
      code: 'sandbox_not_joined',
      reason: SEND_REASONS.sandboxNotJoined,
      channel: 'whatsapp',
      address: '+1555***0001',
      links: {
        phoneNumberId: update.phoneNumberId,
        memberId: update.memberId,
        chatId: null,
        messageSid: null,
        sendId: update.sendId,
        ruleRunId: null,
        routineRunId: runId,
      },
      occurredAt: update.occurredAt,
    });
    // What outbound publishes is a valid record, never with a whole phone number.
    expect(DiagnosticRecorded.schema.parse(record)).toEqual(record);
    expect(JSON.stringify(record)).not.toContain('+15551230001');
  });

  it("records Twilio's failures as delivery failures, a refusal before Twilio as a failed send", () => {
    const sid = `SM${randomUUID().replace(/-/g, '')}`;
    const ruleRun = randomUUID();
    expect(
      sendDiagnostic(
        sendUpdate({
          status: 'undelivered',
          errorCode: '63016',
          reason: 'Outside the 24-hour window.',
          twilioSid: sid,
          origin: { service: 'workflow', ref: `rule-run:${ruleRun}` },
        }),
      ),
    ).toMatchObject({
      kind: 'delivery_failed',
      code: 'twilio_63016',
      reason: 'Outside the 24-hour window.',
      links: { messageSid: sid, ruleRunId: ruleRun, routineRunId: null },
    });
    expect(
      sendDiagnostic(sendUpdate({ status: 'failed', twilioSid: sid, errorCode: '30003' })),
    ).toMatchObject({ kind: 'delivery_failed', code: 'twilio_30003', reason: 'Twilio error 30003.' });
    expect(
      sendDiagnostic(sendUpdate({ status: 'failed', reason: SEND_REASONS.numberArchived })),
    ).toMatchObject({
      kind: 'send_failed',
      code: 'number_archived',
    });
    expect(sendDiagnostic(sendUpdate({ status: 'failed', toPhone: null }))).toMatchObject({
      code: 'other',
      reason: 'The send was failed.',
      address: null,
    });
  });

  it('leaves sends that went alone', () => {
    for (const status of ['pending', 'queued', 'sending', 'sent', 'delivered', 'read'] as const)
      expect(sendDiagnostic(sendUpdate({ status, twilioSid: 'SM1' }))).toBeNull();
  });

  it("cuts a long text to the record's limits, so the update is still published", () => {
    const record = sendDiagnostic(
      sendUpdate({ status: 'failed', reason: 'x'.repeat(5000), errorCode: '9'.repeat(200) }),
    );
    expect(() => DiagnosticRecorded.schema.parse(record)).not.toThrow();
  });
});
