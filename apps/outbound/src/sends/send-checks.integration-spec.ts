import { DiagnosticRecorded, GetConversationWindows, SendRequested } from '@app/contracts';
import { SEND_REASONS as REASONS } from '@app/rules';
import { staysFalse, waitFor } from '@app/testing';
import { OutboundHarness, TEMPLATE } from '../testing/outbound-harness';
import { SendChecks } from './send-checks';

const HOUR = 3600_000;
jest.setTimeout(30_000);

describe('outbound checks before a send (real Postgres, NATS and the Twilio emulator)', () => {
  const h = OutboundHarness.forSuite();
  /** The member's (one) window as the API shows it, once the projection has it. */
  const windowOf = (workspaceId: string, memberId: string) =>
    waitFor(async () => (await h.nats.request(GetConversationWindows, { workspaceId, memberId })).items[0]);

  it('skips WhatsApp when the workspace lacks the feature, with the exact text', async () => {
    const diagnostics = h.nats.collect(DiagnosticRecorded);
    const ws = h.workspace([]);
    const n = h.number(ws.id, { whatsappEnabled: false });
    const m = h.member(ws.id, { notifyWhatsapp: true });
    const result = await h.send(h.request(n, { memberId: m.id, channel: 'whatsapp', contentSid: TEMPLATE }));
    expect(result).toMatchObject({
      status: 'skipped',
      reason: 'Workspace does not have WhatsApp feature enabled.',
    });
    // The first status is published too, so chats and callers can follow it.
    await waitFor(() => h.updates.some((u) => u.sendId === result.id && u.status === 'skipped'));
    expect(await h.sentTo(m.phone!)).toHaveLength(0);
    // And the diagnostics feed's record of it (the api keeps it), once.
    const record = await waitFor(() => diagnostics.find((d) => d.links.sendId === result.id));
    expect(record).toMatchObject({
      key: `send:${result.id}:skipped`,
      workspaceId: ws.id,
      kind: 'send_skipped',
      code: 'workspace_lacks_whatsapp',
    });
    expect(
      await staysFalse(() => diagnostics.filter((d) => d.links.sendId === result.id).length > 1, 300),
    ).toBe(true);
  });

  it("fails when the number's WhatsApp is off, and says so when the number is archived", async () => {
    const ws = h.workspace();
    const m = h.member(ws.id, { notifyWhatsapp: true });
    const off = h.number(ws.id, { whatsappEnabled: false });
    await expect(
      h.send(h.request(off, { memberId: m.id, channel: 'whatsapp', contentSid: TEMPLATE })),
    ).resolves.toMatchObject({
      status: 'failed',
      reason: 'Phone number does not have WhatsApp enabled.',
    });
    const archived = h.number(ws.id, { archived: true });
    await expect(h.send(h.request(archived, { memberId: m.id, channel: 'sms' }))).resolves.toMatchObject({
      status: 'failed',
      reason: REASONS.numberArchived,
    });
    expect(await h.sentTo(m.phone!)).toHaveLength(0);
  });

  it('skips a system send to a member whose WhatsApp (or SMS) notifications are off', async () => {
    const { n, m } = h.workspaceWithMember({ notifyWhatsapp: false, notifySms: false });
    await expect(
      h.send(h.request(n, { memberId: m.id, channel: 'whatsapp', contentSid: TEMPLATE })),
    ).resolves.toMatchObject({
      status: 'skipped',
      reason: 'Member has WhatsApp notifications disabled.',
    });
    await expect(h.send(h.request(n, { memberId: m.id, channel: 'sms' }))).resolves.toMatchObject({
      status: 'skipped',
      reason: 'Member has SMS notifications disabled.',
    });
    expect(await staysFalse(async () => (await h.sentTo(m.phone!)).length > 0, 300)).toBe(true);
  });

  it('skips an opted-out member, replies included', async () => {
    const { n, m } = h.workspaceWithMember({ notifyWhatsapp: true, optedOut: true });
    await h.memberWrote(n, m);
    await expect(
      h.send(h.request(n, { memberId: m.id, channel: 'whatsapp', kind: 'reply', body: 'hi' })),
    ).resolves.toMatchObject({ status: 'skipped', reason: REASONS.memberOptedOut });
  });

  it('sends a reply to a member who wrote in even with WhatsApp notifications off', async () => {
    const { ws, n, m } = h.workspaceWithMember({ notifyWhatsapp: false });
    await h.memberWrote(n, m);
    const result = await h.send(
      h.request(n, { memberId: m.id, channel: 'whatsapp', kind: 'reply', body: 'Thanks for your message' }),
    );
    expect(result.status).toBe('pending');
    const [sent] = await waitFor(async () => {
      const msgs = await h.sentTo(m.phone!);
      return msgs.length ? msgs : undefined;
    });
    expect(sent).toMatchObject({
      channel: 'whatsapp',
      body: 'Thanks for your message',
      from: `whatsapp:${n.number}`,
    });
    await h.waitForStatus(ws.id, result.id, 'delivered');
  });

  it('skips free-form WhatsApp 25 hours after the last message with the template reason; a template goes', async () => {
    const { ws, n, m } = h.workspaceWithMember({ notifyWhatsapp: true });
    await h.memberWrote(n, m, new Date(Date.now() - 25 * HOUR));
    // The projection has the (closed) window once the API shows it.
    expect(await windowOf(ws.id, m.id)).toMatchObject({
      phoneNumberId: n.id,
      channel: 'whatsapp',
      open: false,
    });

    const freeForm = await h.send(
      h.request(n, { memberId: m.id, channel: 'whatsapp', body: 'Are you there?' }),
    );
    expect(freeForm).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/template/) });
    expect(freeForm.reason).toBe(REASONS.outsideWindow);

    const template = await h.send(
      h.request(n, {
        memberId: m.id,
        channel: 'whatsapp',
        contentSid: TEMPLATE,
        contentVariables: { '1': 'Tuesday' },
      }),
    );
    expect(template.status).toBe('pending');
    const delivered = await h.waitForStatus(ws.id, template.id, 'delivered');
    const sent = await h.sentTo(m.phone!);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ contentSid: TEMPLATE, sid: delivered.twilioSid });
  });

  it('shows an open window after a recent message, and a free-form send then goes', async () => {
    const { ws, n, m } = h.workspaceWithMember({ notifyWhatsapp: true });
    await h.memberWrote(n, m, new Date(Date.now() - 2 * HOUR));
    const w = await windowOf(ws.id, m.id);
    expect(w.open).toBe(true);
    expect(Date.parse(w.expiresAt) - Date.parse(w.lastInboundAt)).toBe(24 * HOUR);
    // Another workspace sees nothing of it.
    await expect(
      h.nats.request(GetConversationWindows, { workspaceId: h.workspace().id, memberId: m.id }),
    ).resolves.toEqual({ items: [] });

    const result = await h.send(
      h.request(n, { memberId: m.id, channel: 'whatsapp', body: 'Your table is ready' }),
    );
    await h.waitForStatus(ws.id, result.id, 'delivered');
  });

  it("sends routing's disabled-channel notice back on WhatsApp to a sender who is not a member", async () => {
    const ws = h.workspace([]);
    const n = h.number(ws.id, { whatsappEnabled: false });
    const phone = `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    // The sender just wrote on WhatsApp (Twilio knows it; routing rejected it, so no member and no projection).
    await h.control('/emulator/window', { number: n.number, phone, lastInboundAt: Date.now() });
    const notice = await h.send(
      h.request(n, { to: phone, channel: 'whatsapp', kind: 'notice', body: 'Please text us instead.' }),
    );
    expect(notice.status).toBe('pending');
    await h.waitForStatus(ws.id, notice.id, 'delivered');
    expect(await h.sentTo(phone)).toMatchObject([{ channel: 'whatsapp', body: 'Please text us instead.' }]);
    // A send the system starts from the same number is still refused.
    await expect(
      h.send(h.request(n, { to: phone, channel: 'whatsapp', kind: 'system', contentSid: TEMPLATE })),
    ).resolves.toMatchObject({
      status: 'skipped',
      reason: 'Workspace does not have WhatsApp feature enabled.',
    });
    // Only the explicit kind passes: a reply to the same address is checked like any other.
    await expect(
      h.send(
        h.request(n, { to: phone, channel: 'whatsapp', kind: 'reply', body: 'Please text us instead.' }),
      ),
    ).resolves.toMatchObject({
      status: 'skipped',
      reason: 'Workspace does not have WhatsApp feature enabled.',
    });
  });

  it("runs the member's checks on a send addressed by phone, and refuses a phone that opted out without a member", async () => {
    const ws = h.workspace();
    const n = h.number(ws.id);
    const stopped = h.member(ws.id, { optedOut: true });
    for (const kind of ['system', 'reply'] as const) {
      const byPhone = await h.send(h.request(n, { to: stopped.phone!, channel: 'sms', kind }));
      expect(byPhone).toMatchObject({ status: 'skipped', reason: REASONS.memberOptedOut });
      // Recorded as the member's send, so it shows in the member's chat.
      expect(await h.record(ws.id, byPhone.id)).toMatchObject({ memberId: stopped.id });
    }
    // Published on the stream, the same send is refused the same way.
    const published = h.request(n, { to: stopped.phone!, channel: 'sms' });
    await h.nats.publish(SendRequested, published, `${ws.id}:${published.idempotencyKey}`);
    await waitFor(() =>
      h.updates.some((u) => u.idempotencyKey === published.idempotencyKey && u.status === 'skipped'),
    );

    const smsOff = h.member(ws.id, { notifySms: false });
    await expect(h.send(h.request(n, { to: smsOff.phone!, channel: 'sms' }))).resolves.toMatchObject({
      status: 'skipped',
      reason: 'Member has SMS notifications disabled.',
    });

    const orphan = `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    h.directory.optedOutPhones.add(`${ws.id}:${orphan}`);
    await expect(
      h.send(h.request(n, { to: orphan, channel: 'sms', kind: 'notice', body: 'Text us on WhatsApp.' })),
    ).resolves.toMatchObject({ status: 'skipped', reason: REASONS.addressOptedOut });
    expect(await staysFalse(async () => (await h.sentTo(stopped.phone!)).length > 0, 500)).toBe(true);
    expect(await h.sentTo(orphan)).toHaveLength(0);

    // A phone nobody opted out still gets its send.
    const fresh = `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    const ok = await h.send(h.request(n, { to: fresh, channel: 'sms' }));
    await h.waitForStatus(ws.id, ok.id, 'delivered');
    expect(await h.record(ws.id, ok.id)).toMatchObject({ memberId: null });
  });

  it('answers not_found, storing nothing, for a member or number the workspace does not have', async () => {
    const ws = h.workspace();
    const n = h.number(ws.id);
    const stranger = h.member(h.workspace().id);
    const request = h.request(n, { memberId: stranger.id, channel: 'sms' });
    await expect(h.send(request)).rejects.toMatchObject({ code: 'not_found', message: 'Member not found.' });
    const elsewhere = h.number(h.workspace().id);
    await expect(
      h.send({ ...h.request(elsewhere, { memberId: stranger.id, channel: 'sms' }), workspaceId: ws.id }),
    ).rejects.toMatchObject({ code: 'not_found', message: 'Phone number not found.' });
    // Nothing was stored under the key: once the member exists here, the same key sends.
    const member = h.member(ws.id, { id: stranger.id, phone: stranger.phone });
    await expect(h.send({ ...request, memberId: member.id })).resolves.toMatchObject({ status: 'pending' });
  });

  it("answers not_found for another workspace's send", async () => {
    const { ws, n, m } = h.workspaceWithMember({ notifyWhatsapp: false });
    const result = await h.send(h.request(n, { memberId: m.id, channel: 'whatsapp', contentSid: TEMPLATE }));
    await expect(h.record(ws.id, result.id)).resolves.toMatchObject({ id: result.id, status: 'skipped' });
    await expect(h.record(h.workspace().id, result.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it("skips sends past the workspace's daily quota, counting each send once and refused ones not at all", async () => {
    const ws = h.workspace();
    h.directory.quotas.set(ws.id, 3);
    const n = h.number(ws.id);
    const m = h.member(ws.id);
    const stopped = h.member(ws.id, { optedOut: true });
    const sms = () => h.request(n, { memberId: m.id, channel: 'sms' });
    // A refused send and a retried one take no place.
    await expect(h.send(h.request(n, { memberId: stopped.id, channel: 'sms' }))).resolves.toMatchObject({
      status: 'skipped',
    });
    const first = sms();
    const accepted = [await h.send(first), await h.send(first)];
    expect(accepted[1].id).toBe(accepted[0].id);
    // Four at once for the last two places: two go, two are skipped.
    const racing = await Promise.all([sms(), sms(), sms(), sms()].map((r) => h.send(r)));
    expect(racing.filter((r) => r.status !== 'skipped')).toHaveLength(2);
    expect(racing.filter((r) => r.status === 'skipped').map((r) => r.reason)).toEqual([
      REASONS.dailyQuotaReached,
      REASONS.dailyQuotaReached,
    ]);
    // Published on the stream, a send past the quota is skipped the same way.
    const published = sms();
    await h.nats.publish(SendRequested, published, `${ws.id}:${published.idempotencyKey}`);
    await waitFor(() =>
      h.updates.some(
        (u) =>
          u.idempotencyKey === published.idempotencyKey &&
          u.status === 'skipped' &&
          u.reason === REASONS.dailyQuotaReached,
      ),
    );
    await waitFor(async () => (await h.sentTo(m.phone!)).length === 3);
    expect(await staysFalse(async () => (await h.sentTo(m.phone!)).length > 3, 500)).toBe(true);

    // Another workspace is not held by this one's quota; a quota of 0 stops every send.
    const other = h.workspace();
    const on = h.number(other.id);
    const om = h.member(other.id);
    await expect(h.send(h.request(on, { memberId: om.id, channel: 'sms' }))).resolves.not.toMatchObject({
      status: 'skipped',
    });
    h.directory.quotas.set(other.id, 0);
    await expect(h.send(h.request(on, { memberId: om.id, channel: 'sms' }))).resolves.toMatchObject({
      status: 'skipped',
      reason: REASONS.dailyQuotaReached,
    });
  });

  it('skips a WhatsApp send from a sandbox number to a member who has not joined (63015) without calling Twilio, and sends once they have', async () => {
    const ws = h.workspace();
    const n = h.number(ws.id, { whatsappSandbox: true, whatsappSandboxJoinCode: 'bright-tiger' });
    // The emulator plays Twilio's sandbox: a send reaching it for this member would fail with 63015.
    await h.control('/emulator/sandbox', { number: n.number, joinCode: 'bright-tiger' });
    const m = h.member(ws.id, { notifyWhatsapp: true });
    const before = await h.send(h.request(n, { memberId: m.id, channel: 'whatsapp', contentSid: TEMPLATE }));
    expect(before).toMatchObject({ status: 'skipped', reason: REASONS.sandboxNotJoined });
    await waitFor(() =>
      h.updates.some((u) => u.sendId === before.id && u.status === 'skipped' && u.toPhone === m.phone),
    );
    expect(await staysFalse(async () => (await h.sentTo(m.phone!)).length > 0, 300)).toBe(true);
    // SMS from the same number is no sandbox matter.
    const sms = await h.send(h.request(n, { memberId: m.id, channel: 'sms' }));
    expect(sms.status).not.toBe('skipped');

    // Routing saw `join bright-tiger` from the member (and so did Twilio).
    h.directory.sandboxJoins.add(`${n.id}:${m.phone}`);
    await h.phoneWrote(n, m.phone!, 'join bright-tiger');
    const after = await h.send(h.request(n, { memberId: m.id, channel: 'whatsapp', contentSid: TEMPLATE }));
    expect(after).toMatchObject({ status: 'pending', reason: null });
    await h.waitForStatus(ws.id, after.id, 'delivered');
  });

  it("asks routing once for a number's sends checked together, and again for each send after", async () => {
    const { n, m } = h.workspaceWithMember();
    const checks = h.service.app.get(SendChecks);
    const asked = jest.spyOn(h.directory, 'sender');
    try {
      const request = h.request(n, { memberId: m.id, channel: 'sms' });
      const together = await Promise.all(Array.from({ length: 20 }, () => checks.run(request)));
      expect(together.every((o) => o.ok)).toBe(true);
      expect(asked).toHaveBeenCalledTimes(1);
      // Nothing kept once answered: the next send sees the number as it is now.
      n.smsEnabled = false;
      expect(await checks.run(request)).toMatchObject({ ok: false, refusal: { status: 'failed' } });
      expect(asked).toHaveBeenCalledTimes(2);
    } finally {
      asked.mockRestore();
    }
  });
});
