import { ApiHarness } from '../testing/api-harness';

const phone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

describe('managing automations over REST', () => {
  const h = ApiHarness.forSuite({ whatsapp: true });
  let numberId: string;

  beforeAll(async () => {
    numberId = await h.phoneNumber(h.ws, phone());
  });

  it('changes, disables and deletes an event rule (204), refusing an empty or unknown change', async () => {
    const rule = await h.ok('POST', '/v1/event-rules', h.ws.key, {
      event: 'form_submitted',
      action: { type: 'send_whatsapp', phoneNumberId: numberId, template: 'Hi' },
    });
    const disabled = await h.ok('PATCH', `/v1/event-rules/${rule.id}`, h.ws.key, { enabled: false });
    expect(disabled.enabled).toBe(false);
    expect((await h.call('PATCH', `/v1/event-rules/${rule.id}`, h.ws.key, {})).status).toBe(400);
    expect((await h.call('PATCH', `/v1/event-rules/${rule.id}`, h.ws.key, { colour: 'red' })).status).toBe(
      400,
    );
    const gone = await h.call('DELETE', `/v1/event-rules/${rule.id}`, h.ws.key);
    expect(gone.status).toBe(204);
    expect((await h.call('GET', `/v1/event-rules/${rule.id}`, h.ws.key)).status).toBe(404);
  });

  it('lists, pauses, runs, cancels and deletes a routine, and pages its per-member results by status', async () => {
    const routine = await h.ok('POST', '/v1/routines', h.ws.key, {
      name: 'Reminders',
      memberFilter: 'member.notify_whatsapp',
      action: { type: 'send_whatsapp', phoneNumberId: numberId, template: 'Hi' },
    });
    expect(
      (await h.ok('GET', '/v1/routines?limit=10', h.ws.key)).items.map((r: { id: string }) => r.id),
    ).toContain(routine.id);
    expect((await h.ok('PATCH', `/v1/routines/${routine.id}`, h.ws.key, { paused: true })).paused).toBe(true);
    expect((await h.call('POST', `/v1/routines/${routine.id}/run`, h.ws.key)).status).toBe(409);
    await h.ok('PATCH', `/v1/routines/${routine.id}`, h.ws.key, { paused: false });
    const running = await h.call('POST', `/v1/routines/${routine.id}/run`, h.ws.key);
    expect(running.status).toBe(202);
    const runId = running.body.progress.runId;

    const skipped = await h.ok(
      'GET',
      `/v1/routines/${routine.id}/runs/${runId}/results?status=skipped`,
      h.ws.key,
    );
    expect(skipped.items.map((i: { status: string }) => i.status)).toEqual(['skipped']);
    expect(
      (await h.call('GET', `/v1/routines/${routine.id}/runs/${runId}/results?status=lost`, h.ws.key)).status,
    ).toBe(400);

    const cancelled = await h.ok('POST', `/v1/routines/${routine.id}/cancel`, h.ws.key);
    expect(cancelled.progress.state).toBe('cancelled');
    expect((await h.call('POST', `/v1/routines/${routine.id}/cancel`, h.ws.key)).status).toBe(409);
    expect((await h.call('DELETE', `/v1/routines/${routine.id}`, h.ws.key)).status).toBe(204);
    expect((await h.call('GET', `/v1/routines/${routine.id}`, h.ws.key)).status).toBe(404);
  });
});
