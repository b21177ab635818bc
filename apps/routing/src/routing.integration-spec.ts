import { randomBytes, randomUUID } from 'node:crypto';
import {
  ArchivePhoneNumber,
  DiagnosticRecorded,
  GetSandboxMembership,
  CreatePhoneNumber,
  CreateWorkspace,
  GetPhoneNumber,
  GetSender,
  GetWorkspace,
  ListWorkspaces,
  InboundMessageReceived,
  ListPhoneNumbers,
  MessageAccepted,
  ResolveMember,
  SendRequested,
  SetMemberOptOut,
  SetWorkspaceFeature,
  UpdateWorkspace,
  UpdatePhoneNumber,
  type Member,
  type RequestPayload,
} from '@app/contracts';
import { INBOUND_REJECTION_REASONS, maskPhone } from '@app/rules';
import type { RunningService } from '@app/runtime';
import {
  aMember,
  NatsTestClient,
  randomPhone,
  serviceEnv,
  staysFalse,
  uniqueNamespace,
  waitFor,
} from '@app/testing';
import { startRouting } from './start';

const ns = uniqueNamespace();
const phone = randomPhone;
const sid = () => `SM${randomBytes(16).toString('hex')}`;

/** Preferences, played by a real NATS responder: members by workspace and phone. */
class FakePreferences {
  readonly members = new Map<string, Member>();
  readonly resolveCalls: Array<RequestPayload<typeof ResolveMember>> = [];
  readonly optOutCalls: Array<RequestPayload<typeof SetMemberOptOut>> = [];

  attach(nats: NatsTestClient): void {
    nats.respond(ResolveMember, (req) => {
      this.resolveCalls.push(req);
      const key = `${req.workspaceId}|${req.phone}`;
      const existing = this.members.get(key);
      if (existing) return { member: existing, created: false };
      const member = aMember(req.workspaceId, { firstName: req.profileName, phone: req.phone });
      this.members.set(key, member);
      return { member, created: true };
    });
    nats.respond(SetMemberOptOut, (req) => {
      this.optOutCalls.push(req);
      const entry = [...this.members.entries()].find(
        ([, m]) => m.id === req.memberId && m.workspaceId === req.workspaceId,
      );
      if (!entry) throw Object.assign(new Error('Member not found.'), { code: 'not_found' });
      const [key, member] = entry;
      const changed = member.optedOut !== req.optedOut;
      const updated: Member = {
        ...member,
        optedOut: req.optedOut,
        optedOutAt: req.optedOut ? new Date().toISOString() : null,
        optedOutChannel: req.optedOut ? req.channel : null,
      };
      this.members.set(key, updated);
      return { member: updated, changed };
    });
  }

  callsFor(phoneNumber: string) {
    return this.resolveCalls.filter((c) => c.phone === phoneNumber);
  }
}

describe('routing', () => {
  let routing: RunningService;
  let nats: NatsTestClient;
  const prefs = new FakePreferences();
  let accepted: Array<import('@app/contracts').MessageAccepted>;
  let sends: Array<import('@app/contracts').SendRequest>;
  let diagnostics: DiagnosticRecorded[];

  beforeAll(async () => {
    nats = await NatsTestClient.connect(ns);
    prefs.attach(nats);
    accepted = nats.collect(MessageAccepted);
    sends = nats.collect(SendRequested);
    diagnostics = nats.collect(DiagnosticRecorded);
    routing = await startRouting(serviceEnv(ns, 'routing'));
  });
  afterAll(async () => {
    await routing?.close();
    await nats?.close();
  });

  async function workspace(options: { whatsapp?: boolean; name?: string } = {}) {
    const ws = await nats.request(CreateWorkspace, { name: options.name ?? 'Sunrise Dental Group' });
    if (options.whatsapp !== false)
      await nats.request(SetWorkspaceFeature, { workspaceId: ws.id, feature: 'whatsapp', enabled: true });
    return ws;
  }

  async function number(workspaceId: string, fields: Partial<RequestPayload<typeof CreatePhoneNumber>> = {}) {
    return nats.request(CreatePhoneNumber, {
      workspaceId,
      number: phone(),
      smsEnabled: true,
      whatsappEnabled: true,
      brandName: 'Sunrise Dental',
      ...fields,
    });
  }

  async function inbound(
    to: string,
    from: string,
    body: string,
    channel: 'sms' | 'whatsapp',
    options: { messageSid?: string; msgId?: string; receivedAt?: string } = {},
  ) {
    const messageSid = options.messageSid ?? sid();
    const prefix = channel === 'whatsapp' ? 'whatsapp:' : '';
    await nats.publish(
      InboundMessageReceived,
      {
        accountSid: `AC${'1'.repeat(32)}`,
        messageSid,
        from: prefix + from,
        to: prefix + to,
        body,
        media: [],
        profileName: 'Alex',
        receivedAt: options.receivedAt ?? new Date().toISOString(),
        params: { MessageSid: messageSid },
      },
      options.msgId ?? messageSid,
    );
    return messageSid;
  }

  const acceptedFor = (messageSid: string) => accepted.filter((a) => a.twilioSid === messageSid);
  const sendsFor = (messageSid: string) => sends.filter((s) => s.origin.ref === messageSid);
  const nothingFor = (messageSid: string) => staysFalse(() => acceptedFor(messageSid).length > 0, 600);

  describe('workspaces and phone numbers', () => {
    it('creates workspaces and switches features idempotently', async () => {
      const ws = await nats.request(CreateWorkspace, { name: '  Clinic  ' });
      expect(ws).toMatchObject({ name: 'Clinic', features: [] });
      await nats.request(SetWorkspaceFeature, { workspaceId: ws.id, feature: 'whatsapp', enabled: true });
      expect(
        await nats.request(SetWorkspaceFeature, { workspaceId: ws.id, feature: 'whatsapp', enabled: true }),
      ).toMatchObject({ features: ['whatsapp'] });
      expect(await nats.request(GetWorkspace, { workspaceId: ws.id })).toMatchObject({
        features: ['whatsapp'],
      });
      await expect(nats.request(GetWorkspace, { workspaceId: randomUUID() })).rejects.toMatchObject({
        code: 'not_found',
      });
    });

    it("keeps the operator's daily send quota and gives it to senders", async () => {
      const ws = await workspace();
      expect(ws.dailySendQuota).toBeNull();
      const n = await number(ws.id);
      expect(await nats.request(GetSender, { workspaceId: ws.id, phoneNumberId: n.id })).toMatchObject({
        dailySendQuota: null,
      });
      expect(
        await nats.request(UpdateWorkspace, { workspaceId: ws.id, patch: { dailySendQuota: 250 } }),
      ).toMatchObject({ id: ws.id, dailySendQuota: 250, features: ['whatsapp'] });
      expect(await nats.request(GetSender, { workspaceId: ws.id, phoneNumberId: n.id })).toMatchObject({
        dailySendQuota: 250,
      });
      // A patch without the field leaves it; null lifts the quota.
      expect(await nats.request(UpdateWorkspace, { workspaceId: ws.id, patch: {} })).toMatchObject({
        dailySendQuota: 250,
      });
      expect(
        await nats.request(UpdateWorkspace, { workspaceId: ws.id, patch: { dailySendQuota: null } }),
      ).toMatchObject({ dailySendQuota: null });
      await expect(
        nats.request(UpdateWorkspace, { workspaceId: randomUUID(), patch: { dailySendQuota: 1 } }),
      ).rejects.toMatchObject({ code: 'not_found' });
    });

    it('lists workspaces by name, or only the ids asked for', async () => {
      const [b, a] = [
        await nats.request(CreateWorkspace, { name: 'Zeta Dental' }),
        await nats.request(CreateWorkspace, { name: 'Alpha Clinic' }),
      ];
      const all = (await nats.request(ListWorkspaces, {})).items.map((w) => w.id);
      expect(all.indexOf(a.id)).toBeLessThan(all.indexOf(b.id));
      const some = await nats.request(ListWorkspaces, { ids: [b.id, randomUUID()] });
      expect(some.items).toEqual([expect.objectContaining({ id: b.id, name: 'Zeta Dental' })]);
      expect((await nats.request(ListWorkspaces, { ids: [] })).items).toEqual([]);
    });

    it('adds, reads, lists, changes and archives numbers, normalising E.164 and refusing bad input', async () => {
      const ws = await workspace();
      const raw = phone();
      const formatted = `${raw.slice(0, 2)} (${raw.slice(2, 5)}) ${raw.slice(5, 8)}-${raw.slice(8)}`;
      const created = await nats.request(CreatePhoneNumber, { workspaceId: ws.id, number: formatted });
      expect(created).toMatchObject({
        number: raw,
        workspaceId: ws.id,
        smsEnabled: true,
        whatsappEnabled: false,
        archived: false,
        brandName: null,
        businessHours: null,
      });
      expect(await nats.request(GetPhoneNumber, { workspaceId: ws.id, phoneNumberId: created.id })).toEqual(
        created,
      );

      await expect(
        nats.request(CreatePhoneNumber, { workspaceId: ws.id, number: '555-1234' }),
      ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('number') });
      await expect(
        nats.request(UpdatePhoneNumber, {
          workspaceId: ws.id,
          phoneNumberId: created.id,
          patch: { businessHours: { timeZone: 'Mars/Olympus', days: {} } },
        }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('businessHours.timeZone'),
      });

      const hours = { timeZone: 'Europe/Paris', days: { mon: [{ open: '09:00', close: '17:30' }] } };
      const updated = await nats.request(UpdatePhoneNumber, {
        workspaceId: ws.id,
        phoneNumberId: created.id,
        patch: {
          brandName: 'Sunrise',
          smsDisabledMessage: 'Text us instead.',
          businessHours: hours,
          whatsappEnabled: true,
        },
      });
      expect(updated).toMatchObject({
        brandName: 'Sunrise',
        smsDisabledMessage: 'Text us instead.',
        businessHours: hours,
        whatsappEnabled: true,
      });
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));

      // Another workspace neither sees nor changes it, and cannot take the same Twilio number.
      const other = await workspace();
      await expect(
        nats.request(GetPhoneNumber, { workspaceId: other.id, phoneNumberId: created.id }),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        nats.request(UpdatePhoneNumber, {
          workspaceId: other.id,
          phoneNumberId: created.id,
          patch: { smsEnabled: false },
        }),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        nats.request(ArchivePhoneNumber, { workspaceId: other.id, phoneNumberId: created.id }),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        nats.request(CreatePhoneNumber, { workspaceId: other.id, number: raw }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect((await nats.request(ListPhoneNumbers, { workspaceId: other.id })).items).toEqual([]);

      const archived = await nats.request(ArchivePhoneNumber, {
        workspaceId: ws.id,
        phoneNumberId: created.id,
      });
      expect(archived.archived).toBe(true);
      expect((await nats.request(ListPhoneNumbers, { workspaceId: ws.id })).items).toEqual([]);
      expect(
        (await nats.request(ListPhoneNumbers, { workspaceId: ws.id, includeArchived: true })).items.map(
          (n) => n.id,
        ),
      ).toEqual([created.id]);
      // Archived, the number still reaches its members' chats there: another workspace cannot take it...
      await expect(
        nats.request(CreatePhoneNumber, { workspaceId: other.id, number: raw }),
      ).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/only the operator can reassign/),
      });
      // ...unless the operator reassigns it; its old workspace may take it back.
      expect(
        await nats.request(CreatePhoneNumber, { workspaceId: other.id, number: raw, reassign: true }),
      ).toMatchObject({ workspaceId: other.id, number: raw });
    });

    it("bounds a number's send rate by the operator's MAX_SEND_RATE_PER_SECOND", async () => {
      const ws = await workspace();
      await expect(number(ws.id, { sendRatePerSecond: 10_000 })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(
          /^sendRatePerSecond: at most 100 per second \(MAX_SEND_RATE_PER_SECOND/,
        ),
      });
      const n = await number(ws.id, { sendRatePerSecond: 100 });
      await expect(
        nats.request(UpdatePhoneNumber, {
          workspaceId: ws.id,
          phoneNumberId: n.id,
          patch: { sendRatePerSecond: 101 },
        }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/MAX_SEND_RATE_PER_SECOND/),
      });
      expect(
        await nats.request(UpdatePhoneNumber, {
          workspaceId: ws.id,
          phoneNumberId: n.id,
          patch: { sendRatePerSecond: 5 },
        }),
      ).toMatchObject({ sendRatePerSecond: 5 });
    });

    it('refuses WhatsApp on a number of a workspace without the feature, on create and on update', async () => {
      const ws = await workspace({ whatsapp: false });
      const message = 'WhatsApp cannot be enabled: the workspace does not have the WhatsApp feature.';
      await expect(number(ws.id, { whatsappEnabled: true })).rejects.toMatchObject({
        code: 'rule_violation',
        message,
      });
      const sms = await number(ws.id, { whatsappEnabled: false });
      await expect(
        nats.request(UpdatePhoneNumber, {
          workspaceId: ws.id,
          phoneNumberId: sms.id,
          patch: { whatsappEnabled: true },
        }),
      ).rejects.toMatchObject({ code: 'rule_violation', message });
      expect(await nats.request(GetPhoneNumber, { workspaceId: ws.id, phoneNumberId: sms.id })).toMatchObject(
        { whatsappEnabled: false },
      );

      await nats.request(SetWorkspaceFeature, { workspaceId: ws.id, feature: 'whatsapp', enabled: true });
      await nats.request(UpdatePhoneNumber, {
        workspaceId: ws.id,
        phoneNumberId: sms.id,
        patch: { whatsappEnabled: true },
      });
      // Switching the feature off does not rewrite the numbers: the checks read both.
      await nats.request(SetWorkspaceFeature, { workspaceId: ws.id, feature: 'whatsapp', enabled: false });
      const sender = await nats.request(GetSender, { workspaceId: ws.id, phoneNumberId: sms.id });
      expect(sender).toMatchObject({
        workspace: { id: ws.id, features: [] },
        phoneNumber: { whatsappEnabled: true },
      });
      // Editing other settings of such a number still works.
      expect(
        await nats.request(UpdatePhoneNumber, {
          workspaceId: ws.id,
          phoneNumberId: sms.id,
          patch: { brandName: 'Renamed' },
        }),
      ).toMatchObject({ brandName: 'Renamed' });
    });
  });

  describe('inbound messages', () => {
    it('accepts WhatsApp and SMS on the same number, each on its channel', async () => {
      const ws = await workspace();
      const num = await number(ws.id);
      const member = phone();
      const wa = await inbound(num.number, member, 'Is Tuesday ok?', 'whatsapp');
      const [waAccepted] = await waitFor(() => (acceptedFor(wa).length ? acceptedFor(wa) : undefined));
      expect(waAccepted).toMatchObject({
        channel: 'whatsapp',
        from: member,
        to: num.number,
        body: 'Is Tuesday ok?',
        keyword: null,
        memberOptedOut: false,
        offHours: false,
        workspace: { id: ws.id, features: ['whatsapp'] },
        phoneNumber: { id: num.id },
        member: { phone: member, firstName: 'Alex' },
      });
      expect(prefs.callsFor(member)[0]).toMatchObject({
        workspaceId: ws.id,
        channel: 'whatsapp',
        profileName: 'Alex',
      });

      const sms = await inbound(num.number, member, 'and by SMS', 'sms');
      const [smsAccepted] = await waitFor(() => (acceptedFor(sms).length ? acceptedFor(sms) : undefined));
      expect(smsAccepted).toMatchObject({
        channel: 'sms',
        from: member,
        member: { id: waAccepted.member.id },
      });
      expect(sendsFor(wa)).toEqual([]);
    });

    it('rejects WhatsApp when the feature or the switch is off, without resolving a member, and sends the disabled message when set', async () => {
      const noFeature = await workspace({ whatsapp: false });
      const notice = 'We do not take WhatsApp messages on this number. Please text us instead.';
      const num = await number(noFeature.id, { whatsappEnabled: false, smsDisabledMessage: notice });
      const member = phone();
      const first = await inbound(num.number, member, 'hello?', 'whatsapp');
      const [disabled] = await waitFor(() => (sendsFor(first).length ? sendsFor(first) : undefined));
      expect(disabled).toMatchObject({
        idempotencyKey: `disabled:${first}`,
        to: member,
        channel: 'whatsapp',
        body: notice,
        kind: 'notice',
        phoneNumberId: num.id,
        workspaceId: noFeature.id,
        origin: { service: 'routing' },
      });
      expect(disabled.memberId).toBeUndefined();
      expect(await nothingFor(first)).toBe(true);
      expect(prefs.callsFor(member)).toEqual([]);

      // Feature on, the number's switch off, no disabled message: dropped silently.
      const ws = await workspace();
      const off = await number(ws.id, { whatsappEnabled: false });
      const second = await inbound(off.number, member, 'hi', 'whatsapp');
      expect(await nothingFor(second)).toBe(true);
      expect(sendsFor(second)).toEqual([]);
      expect(prefs.callsFor(member)).toEqual([]);

      // The number's WhatsApp on, then the workspace feature switched off: rejected again.
      const on = await number(ws.id);
      await nats.request(SetWorkspaceFeature, { workspaceId: ws.id, feature: 'whatsapp', enabled: false });
      const third = await inbound(on.number, member, 'hi', 'whatsapp');
      expect(await nothingFor(third)).toBe(true);
      expect(prefs.callsFor(member)).toEqual([]);
      // SMS on that number still comes in.
      const fourth = await inbound(on.number, member, 'by text', 'sms');
      await waitFor(() => acceptedFor(fourth).length === 1);
    });

    it('rejects SMS on a number with SMS off, and drops messages to unknown or archived numbers', async () => {
      const ws = await workspace();
      const num = await number(ws.id, { smsEnabled: false, smsDisabledMessage: 'SMS is off here.' });
      const member = phone();
      const sms = await inbound(num.number, member, 'hi', 'sms');
      const [notice] = await waitFor(() => (sendsFor(sms).length ? sendsFor(sms) : undefined));
      expect(notice).toMatchObject({ channel: 'sms', to: member, body: 'SMS is off here.' });
      expect(await nothingFor(sms)).toBe(true);

      const unknown = await inbound(phone(), member, 'anyone?', 'sms');
      const archivedNumber = await number(ws.id);
      await nats.request(ArchivePhoneNumber, { workspaceId: ws.id, phoneNumberId: archivedNumber.id });
      const toArchived = await inbound(archivedNumber.number, member, 'anyone?', 'sms');
      expect(await nothingFor(unknown)).toBe(true);
      expect(await nothingFor(toArchived)).toBe(true);
      expect(prefs.callsFor(member)).toEqual([]);
      expect([...sendsFor(unknown), ...sendsFor(toArchived)]).toEqual([]);

      // Each drop is in the diagnostics with its reason; a number no workspace has is nobody's.
      const of = (messageSid: string) => diagnostics.find((d) => d.links.messageSid === messageSid);
      await waitFor(() => [sms, unknown, toArchived].every((m) => of(m)));
      expect(of(sms)).toMatchObject({
        workspaceId: ws.id,
        kind: 'inbound_rejected',
        code: 'sms_disabled',
        reason: INBOUND_REJECTION_REASONS.sms_disabled,
        channel: 'sms',
        address: maskPhone(member),
        links: { phoneNumberId: num.id },
      });
      expect(of(unknown)).toMatchObject({ workspaceId: null, code: 'unknown_number' });
      expect(of(toArchived)).toMatchObject({
        workspaceId: ws.id,
        code: 'archived_number',
        links: { phoneNumberId: archivedNumber.id },
      });
    });

    it('records who sent a sandbox number its join code, and answers outbound per number and address', async () => {
      const ws = await workspace();
      await nats.request(SetWorkspaceFeature, { workspaceId: ws.id, feature: 'whatsapp', enabled: true });
      const sandbox = await number(ws.id, {
        whatsappEnabled: true,
        whatsappSandbox: true,
        whatsappSandboxJoinCode: 'bright-tiger',
      });
      const [joined, wrongCode, never] = [phone(), phone(), phone()];
      const joins = [
        await inbound(sandbox.number, joined, 'Join Bright-Tiger', 'whatsapp'),
        await inbound(sandbox.number, wrongCode, 'join calm-lake', 'whatsapp'),
      ];
      await waitFor(() => joins.every((m) => acceptedFor(m).length === 1));
      const membership = (address: string, workspaceId = ws.id) =>
        nats.request(GetSandboxMembership, { workspaceId, phoneNumberId: sandbox.id, address });
      expect(await membership(joined)).toMatchObject({ joined: true, joinedAt: expect.any(String) });
      expect(await membership(wrongCode)).toEqual({ joined: false, joinedAt: null });
      expect(await membership(never)).toEqual({ joined: false, joinedAt: null });
      // Another workspace never learns about this number's members.
      expect(await membership(joined, (await workspace()).id)).toEqual({ joined: false, joinedAt: null });
      // A new code: the old join no longer counts.
      await nats.request(UpdatePhoneNumber, {
        workspaceId: ws.id,
        phoneNumberId: sandbox.id,
        patch: { whatsappSandboxJoinCode: 'calm-lake' },
      });
      expect(await membership(joined)).toEqual({ joined: false, joinedAt: null });
    });

    it.each(['STOP', '  stop  ', 'Unsubscribe', 'quit', 'STOPALL', 'revoke'])(
      '"%s" opts the member out with one confirmation',
      async (word) => {
        const ws = await workspace();
        const num = await number(ws.id);
        const member = phone();
        const messageSid = await inbound(num.number, member, word, 'whatsapp');
        const [acc] = await waitFor(() =>
          acceptedFor(messageSid).length ? acceptedFor(messageSid) : undefined,
        );
        expect(acc).toMatchObject({
          keyword: 'opt_out',
          memberOptedOut: true,
          body: word,
          channel: 'whatsapp',
        });
        expect(prefs.optOutCalls.find((c) => c.memberId === acc.member.id)).toMatchObject({
          optedOut: true,
          channel: 'whatsapp',
          source: { type: 'keyword', ref: word.trim().toUpperCase() },
          // Its position: the receipt time and the INBOUND stream sequence.
          position: { at: acc.receivedAt, seq: expect.any(Number) },
        });
        const [confirmation] = await waitFor(() =>
          sendsFor(messageSid).length ? sendsFor(messageSid) : undefined,
        );
        expect(confirmation).toMatchObject({
          idempotencyKey: `keyword:${messageSid}`,
          kind: 'compliance',
          channel: 'whatsapp',
          memberId: acc.member.id,
        });
        expect(confirmation.body).toMatch(/unsubscribed/i);

        // A second STOP changes nothing and confirms nothing.
        const again = await inbound(num.number, member, 'STOP', 'whatsapp');
        await waitFor(() => acceptedFor(again).length === 1);
        expect(await staysFalse(() => sendsFor(again).length > 0, 300)).toBe(true);
      },
    );

    it('treats "please don\'t stop" as ordinary; START opts back in; HELP names the brand (or the workspace)', async () => {
      const ws = await workspace({ name: 'Harbor Clinic' });
      const num = await number(ws.id, { brandName: 'Sunrise Dental' });
      const member = phone();
      const ordinary = await inbound(num.number, member, "please don't stop", 'sms');
      await waitFor(() => acceptedFor(ordinary).length === 1);
      expect(acceptedFor(ordinary)[0]).toMatchObject({ keyword: null, memberOptedOut: false });
      const memberId = acceptedFor(ordinary)[0].member.id;
      expect(prefs.optOutCalls.filter((c) => c.memberId === memberId)).toEqual([]);

      await inbound(num.number, member, 'STOP', 'sms');
      const start = await inbound(num.number, member, 'start', 'sms');
      const [startAccepted] = await waitFor(() =>
        acceptedFor(start).length ? acceptedFor(start) : undefined,
      );
      expect(startAccepted).toMatchObject({ keyword: 'opt_in', memberOptedOut: false });
      const [startConfirmation] = await waitFor(() => (sendsFor(start).length ? sendsFor(start) : undefined));
      expect(startConfirmation).toMatchObject({
        kind: 'compliance',
        channel: 'sms',
        idempotencyKey: `keyword:${start}`,
      });
      expect(startConfirmation.body).toMatch(/subscribed again/);

      const help = await inbound(num.number, member, 'HELP', 'sms');
      const [helpText] = await waitFor(() => (sendsFor(help).length ? sendsFor(help) : undefined));
      expect(helpText.body).toContain('Sunrise Dental');
      expect(helpText.body).toMatch(/STOP/);
      expect(acceptedFor(help)[0]).toMatchObject({ keyword: 'help' });

      const unbranded = await number(ws.id, { brandName: null });
      const info = await inbound(unbranded.number, member, 'info', 'whatsapp');
      const [infoText] = await waitFor(() => (sendsFor(info).length ? sendsFor(info) : undefined));
      expect(infoText).toMatchObject({ channel: 'whatsapp' });
      expect(infoText.body).toContain('Harbor Clinic');
    });

    it('passes opt-in words from a member who is not opted out on to the workflow; from one who is, they opt in', async () => {
      const ws = await workspace();
      const num = await number(ws.id);
      const member = phone();
      let memberId = '';
      for (const body of ['Yes', 'START', 'unstop!']) {
        const answer = await inbound(num.number, member, body, 'sms');
        const [acc] = await waitFor(() => (acceptedFor(answer).length ? acceptedFor(answer) : undefined));
        expect(acc).toMatchObject({ keyword: null, body, memberOptedOut: false });
        expect(await staysFalse(() => sendsFor(answer).length > 0, 300)).toBe(true);
        memberId = acc.member.id;
      }
      // Each still reaches preferences as an opt-in with its position (it outranks an older STOP
      // handled after it), changing nothing.
      const calls = prefs.optOutCalls.filter((c) => c.memberId === memberId);
      expect(calls.map((c) => [c.optedOut, c.source.ref])).toEqual([
        [false, 'YES'],
        [false, 'START'],
        [false, 'UNSTOP'],
      ]);
      // Published in this order, so their stream sequences rise.
      const seqs = calls.map((c) => c.position?.seq ?? 0);
      expect(seqs[0]).toBeGreaterThan(0);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

      await inbound(num.number, member, 'STOP', 'sms');
      const yes = await inbound(num.number, member, 'yes.', 'sms');
      const [acc] = await waitFor(() => (acceptedFor(yes).length ? acceptedFor(yes) : undefined));
      expect(acc).toMatchObject({ keyword: 'opt_in', memberOptedOut: false });
      const [confirmation] = await waitFor(() => (sendsFor(yes).length ? sendsFor(yes) : undefined));
      expect(confirmation).toMatchObject({
        kind: 'compliance',
        body: expect.stringMatching(/subscribed again/),
      });
    });

    it("reads a number's own keyword lists and replies, whole message, any case, punctuation and width", async () => {
      const ws = await workspace();
      const num = await number(ws.id, { brandName: 'Sunrise Dental' });
      const updated = await nats.request(UpdatePhoneNumber, {
        workspaceId: ws.id,
        phoneNumberId: num.id,
        patch: {
          keywords: { optOut: ['stop', 'Arrêt', 'opt-out'], help: ['aide'] },
          keywordReplies: { optOut: 'Sunrise Dental: no more messages. Reply START to return.' },
        },
      });
      expect(updated).toMatchObject({
        keywords: { optOut: ['STOP', 'ARRÊT', 'OPTOUT'], optIn: ['START', 'UNSTOP', 'YES'], help: ['AIDE'] },
        keywordReplies: {
          optOut: 'Sunrise Dental: no more messages. Reply START to return.',
          optIn: null,
          help: null,
        },
      });
      expect(await nats.request(GetPhoneNumber, { workspaceId: ws.id, phoneNumberId: num.id })).toEqual(
        updated,
      );

      // "Cancel" in answer to an appointment is an answer on this number.
      const member = phone();
      const cancel = await inbound(num.number, member, 'Cancel', 'whatsapp');
      await waitFor(() => acceptedFor(cancel).length === 1);
      expect(acceptedFor(cancel)[0]).toMatchObject({ keyword: null, memberOptedOut: false });
      const help = await inbound(num.number, member, 'Aide ?', 'whatsapp');
      await waitFor(() => acceptedFor(help).length === 1);
      expect(acceptedFor(help)[0]).toMatchObject({ keyword: 'help' });

      const stop = await inbound(num.number, member, 'ＡＲＲÊＴ!', 'whatsapp');
      const [acc] = await waitFor(() => (acceptedFor(stop).length ? acceptedFor(stop) : undefined));
      expect(acc).toMatchObject({ keyword: 'opt_out', memberOptedOut: true });
      const [confirmation] = await waitFor(() => (sendsFor(stop).length ? sendsFor(stop) : undefined));
      expect(confirmation.body).toBe('Sunrise Dental: no more messages. Reply START to return.');
      expect(prefs.optOutCalls.at(-1)).toMatchObject({
        optedOut: true,
        source: { type: 'keyword', ref: 'ARRÊT' },
      });

      // Back to the defaults.
      const reset = await nats.request(UpdatePhoneNumber, {
        workspaceId: ws.id,
        phoneNumberId: num.id,
        patch: { keywords: null, keywordReplies: null },
      });
      expect(reset.keywords.optOut).toContain('CANCEL');
      expect(reset.keywordReplies).toEqual({ optOut: null, optIn: null, help: null });
    });

    it('refuses keyword lists that break the rules, naming the field, and changes nothing', async () => {
      const ws = await workspace();
      const num = await number(ws.id);
      const update = (keywords: Record<string, string[]>) =>
        nats.request(UpdatePhoneNumber, { workspaceId: ws.id, phoneNumberId: num.id, patch: { keywords } });
      await expect(update({ optOut: ['CANCEL'] })).rejects.toMatchObject({
        code: 'rule_violation',
        message: expect.stringMatching(/^keywords\.optOut: must include STOP/),
      });
      await expect(update({ optIn: ['STOP'] })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/^keywords\.optIn\.0: STOP is already in keywords\.optOut/),
      });
      await expect(update({ help: ['?!'] })).rejects.toMatchObject({ code: 'invalid_input' });
      expect(
        (await nats.request(GetPhoneNumber, { workspaceId: ws.id, phoneNumberId: num.id })).keywords,
      ).toEqual(num.keywords);
    });

    it("keeps a number's chat inactivity time (24 hours unless set) and sends it with accepted messages", async () => {
      const ws = await workspace();
      const num = await number(ws.id);
      expect(num.inactivityCloseAfter).toBe('PT24H');
      const update = (inactivityCloseAfter: string) =>
        nats.request(UpdatePhoneNumber, {
          workspaceId: ws.id,
          phoneNumberId: num.id,
          patch: { inactivityCloseAfter },
        });
      expect((await update('pt90m')).inactivityCloseAfter).toBe('PT1H30M');
      // The contract refuses these before they leave (the api answers 400 with the same text).
      await expect(update('PT1M')).rejects.toThrow(/PT5M to P90D/);
      await expect(update('24 hours')).rejects.toThrow(/not a duration/);
      expect(
        (await nats.request(GetPhoneNumber, { workspaceId: ws.id, phoneNumberId: num.id }))
          .inactivityCloseAfter,
      ).toBe('PT1H30M');
      const other = await number(ws.id, { inactivityCloseAfter: 'P7D' });
      expect(other.inactivityCloseAfter).toBe('P7D');

      const sid = await inbound(num.number, phone(), 'hello', 'sms');
      const [message] = await waitFor(() => (acceptedFor(sid).length ? acceptedFor(sid) : undefined));
      expect(message.phoneNumber.inactivityCloseAfter).toBe('PT1H30M');
    });

    it('confirms a STOP once per change of state, and a repeated STOP at most once a day', async () => {
      const ws = await workspace();
      const num = await number(ws.id);
      const member = phone();
      const at = (hours: number) => new Date(Date.UTC(2026, 10, 23, 10) + hours * 3600_000).toISOString();
      const first = await inbound(num.number, member, 'STOP', 'sms', { receivedAt: at(0) });
      await waitFor(() => sendsFor(first).length === 1, { message: 'the first confirmation' });
      const again = await inbound(num.number, member, 'stop', 'sms', { receivedAt: at(2) });
      await waitFor(() => acceptedFor(again).length === 1);
      expect(await staysFalse(() => sendsFor(again).length > 0, 500)).toBe(true);
      const nextDay = await inbound(num.number, member, 'STOP', 'sms', { receivedAt: at(25) });
      await waitFor(() => sendsFor(nextDay).length === 1, { message: 'the next day acknowledgement' });
      const sameDay = await inbound(num.number, member, 'Stop.', 'sms', { receivedAt: at(30) });
      await waitFor(() => acceptedFor(sameDay).length === 1);
      expect(await staysFalse(() => sendsFor(sameDay).length > 0, 500)).toBe(true);
      // START is a change of state: confirmed; so is the STOP after it.
      const start = await inbound(num.number, member, 'START', 'sms', { receivedAt: at(31) });
      await waitFor(() => sendsFor(start).length === 1);
      const stopAgain = await inbound(num.number, member, 'STOP', 'sms', { receivedAt: at(32) });
      await waitFor(() => sendsFor(stopAgain).length === 1);
    });

    it('sends the off-hours message outside business hours and flags the accepted message', async () => {
      const ws = await workspace();
      const closedAllWeek = { timeZone: 'America/New_York', days: {} };
      const closed = await number(ws.id, {
        businessHours: closedAllWeek,
        offHoursMessage: 'We are closed; we will answer tomorrow.',
      });
      const open = await number(ws.id, {
        businessHours: { timeZone: 'UTC', days: { mon: [{ open: '00:00', close: '24:00' }] } },
        offHoursMessage: 'closed',
      });
      const member = phone();
      const night = await inbound(closed.number, member, 'anyone there?', 'whatsapp');
      const [acc] = await waitFor(() => (acceptedFor(night).length ? acceptedFor(night) : undefined));
      expect(acc.offHours).toBe(true);
      const [notice] = await waitFor(() => (sendsFor(night).length ? sendsFor(night) : undefined));
      expect(notice).toMatchObject({
        idempotencyKey: `offhours:${night}`,
        kind: 'reply',
        body: 'We are closed; we will answer tomorrow.',
        memberId: acc.member.id,
      });

      // Monday 10:00 UTC is inside; judged at the time Twilio delivered the message.
      const monday = await inbound(open.number, member, 'hello', 'whatsapp', {
        receivedAt: '2026-11-23T10:00:00.000Z',
      });
      await waitFor(() => acceptedFor(monday).length === 1);
      expect(acceptedFor(monday)[0].offHours).toBe(false);
      expect(await staysFalse(() => sendsFor(monday).length > 0, 300)).toBe(true);
    });

    it('gives one accepted message and one confirmation when the same message is delivered twice', async () => {
      const ws = await workspace();
      const num = await number(ws.id);
      const member = phone();
      const messageSid = sid();
      // Past JetStream's duplicate window a redelivery comes with another stream message id.
      await inbound(num.number, member, 'STOP', 'sms', { messageSid, msgId: `${messageSid}-a` });
      await inbound(num.number, member, 'STOP', 'sms', { messageSid, msgId: `${messageSid}-b` });
      await waitFor(() => acceptedFor(messageSid).length === 2 && sendsFor(messageSid).length === 2, {
        message: 'both deliveries handled',
      });
      // The second delivery found the member already opted out, but the confirmation it owed is the same one.
      expect(new Set(sendsFor(messageSid).map((s) => s.idempotencyKey))).toEqual(
        new Set([`keyword:${messageSid}`]),
      );
      expect((await nats.stored(MessageAccepted)).filter((m) => m.msgId === messageSid)).toHaveLength(1);
      expect(
        (await nats.stored(SendRequested)).filter((m) => m.msgId === `${ws.id}:keyword:${messageSid}`),
      ).toHaveLength(1);
    });
  });
});
