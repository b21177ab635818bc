import { CheckSendToAddress, ListPreferenceChanges, ResolveMember, UpdateMember } from '@app/contracts';
import { randomPhone } from '@app/testing';
import { API, PreferencesHarness } from '../testing/preferences-harness';

const OPTED_OUT = 'Member has opted out of messages (replied STOP).';
const PHONE_OPTED_OUT = 'This phone number has opted out of messages (replied STOP).';

describe('preferences: may I send to this phone? (STOP recorded by address too)', () => {
  const h = PreferencesHarness.forSuite();

  const check = (workspaceId: string, phone: string, kind: 'reply' | 'system' | 'compliance' | 'notice') =>
    h.nats.request(CheckSendToAddress, { workspaceId, phone, channel: 'sms', kind });

  it("answers with the member's own checks when a member has the phone", async () => {
    const ws = h.workspace();
    const member = await h.createMember(ws, { notifySms: false });
    expect(await check(ws, member.phone!, 'system')).toEqual({
      allowed: false,
      outcome: 'skipped',
      reason: 'Member has SMS notifications disabled.',
      member,
    });
    expect(await check(ws, member.phone!, 'reply')).toEqual({ allowed: true, member });
    await h.textedKeyword(member, 'STOP');
    expect(await check(ws, member.phone!, 'reply')).toMatchObject({ allowed: false, reason: OPTED_OUT });
    expect(await check(ws, member.phone!, 'notice')).toMatchObject({ allowed: false, reason: OPTED_OUT });
    expect(await check(ws, member.phone!, 'compliance')).toMatchObject({ allowed: true });
  });

  it('lets a phone no member has through, unless it sent STOP', async () => {
    const ws = h.workspace();
    expect(await check(ws, randomPhone(), 'system')).toEqual({ allowed: true, member: null });

    const member = await h.createMember(ws);
    const stopped = member.phone!;
    await h.textedKeyword(member, 'STOP');
    // The member takes another phone: the STOP stays with the phone that sent it.
    await h.updateMember(member, { phone: randomPhone() });
    for (const kind of ['system', 'reply', 'notice'] as const) {
      expect(await check(ws, stopped, kind)).toEqual({
        allowed: false,
        outcome: 'skipped',
        reason: PHONE_OPTED_OUT,
        member: null,
      });
    }
    expect(await check(ws, stopped, 'compliance')).toEqual({ allowed: true, member: null });
    // Another workspace never sees it.
    expect(await check(h.workspace(), stopped, 'system')).toEqual({ allowed: true, member: null });
  });

  it('opts a member in with START for the phone as well', async () => {
    const ws = h.workspace();
    const member = await h.createMember(ws);
    await h.textedKeyword(member, 'STOP');
    await h.textedKeyword(member, 'START');
    await h.updateMember(member, { phone: randomPhone() });
    expect(await check(ws, member.phone!, 'system')).toEqual({ allowed: true, member: null });
  });

  it('opts out a member created, resolved or re-numbered onto a phone that sent STOP, and audits why', async () => {
    const ws = h.workspace();
    const first = await h.createMember(ws);
    const phone = first.phone!;
    await h.textedKeyword(first, 'STOP');
    await h.updateMember(first, { phone: null });

    // An inbound message from the phone finds no member and creates one: opted out from the start.
    const resolved = await h.nats.request(ResolveMember, { workspaceId: ws, phone, channel: 'sms' });
    expect(resolved).toMatchObject({
      created: true,
      member: { phone, optedOut: true, optedOutChannel: 'sms' },
    });
    const changes = await h.nats.request(ListPreferenceChanges, {
      workspaceId: ws,
      memberId: resolved.member.id,
    });
    expect(changes.items).toEqual([
      expect.objectContaining({
        field: 'optedOut',
        oldValue: false,
        newValue: true,
        source: { type: 'system', ref: 'phone opted out' },
      }),
    ]);

    // Moved onto another member by the API, the phone's STOP follows it too.
    await h.nats.request(UpdateMember, {
      workspaceId: ws,
      memberId: resolved.member.id,
      patch: { phone: randomPhone() },
      source: API,
    });
    const other = await h.createMember(ws);
    expect(other.optedOut).toBe(false);
    const moved = await h.updateMember(other, { phone });
    expect(moved).toMatchObject({ phone, optedOut: true });
  });
});
