import { CreateMember, GetMember, ListMembers, UpdateMember } from '@app/contracts';
import { randomPhone } from '@app/testing';
import { API, PreferencesHarness, rawRequest } from '../testing/preferences-harness';

describe('preferences: member attributes', () => {
  const h = PreferencesHarness.forSuite();

  it('stores attributes at creation and merges a patch (null removes a key)', async () => {
    const ws = h.workspace();
    const member = await h.nats.request(CreateMember, {
      workspaceId: ws,
      fields: {
        phone: randomPhone(),
        attributes: { appointment_at: '2026-12-01T10:00:00Z', clinic: 'Lyon', visits: 3 },
      },
      source: API,
    });
    expect(member.attributes).toEqual({ appointment_at: '2026-12-01T10:00:00Z', clinic: 'Lyon', visits: 3 });

    const updated = await h.updateMember(member, {
      attributes: { clinic: null, appointment_at: '2026-12-04T09:30:00Z', tags: ['vip'] },
    });
    expect(updated.attributes).toEqual({ appointment_at: '2026-12-04T09:30:00Z', visits: 3, tags: ['vip'] });
    expect((await h.nats.request(GetMember, { workspaceId: ws, memberId: member.id })).attributes).toEqual(
      updated.attributes,
    );
    // A member made without attributes has an empty object, not null.
    expect((await h.createMember(ws)).attributes).toEqual({});
  });

  it('refuses a bad key or too much, naming the key, and changes nothing', async () => {
    const ws = h.workspace();
    const refused = await rawRequest(h.nats, CreateMember.subject, {
      workspaceId: ws,
      fields: { phone: randomPhone(), attributes: { 'appointment-at': 'x' } },
      source: API,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('"appointment-at"') },
    });
    expect((await h.nats.request(ListMembers, { workspaceId: ws })).items).toEqual([]);

    const member = await h.createMember(ws);
    await h.updateMember(member, { attributes: { a: 'x'.repeat(5000) } });
    // Each patch alone fits; together they would not: the merged whole is refused.
    const tooMuch = await rawRequest(h.nats, UpdateMember.subject, {
      workspaceId: ws,
      memberId: member.id,
      patch: { attributes: { b: 'y'.repeat(5000) } },
      source: API,
    });
    expect(tooMuch).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('bytes') },
    });
    expect(
      Object.keys((await h.nats.request(GetMember, { workspaceId: ws, memberId: member.id })).attributes),
    ).toEqual(['a']);
  });

  it('filters members by attributes and by time (now)', async () => {
    const ws = h.workspace();
    const soon = new Date(Date.now() + 3 * 3600_000).toISOString();
    const later = new Date(Date.now() + 72 * 3600_000).toISOString();
    const dueSoon = await h.createMember(ws, { attributes: { appointment_at: soon } });
    await h.createMember(ws, { attributes: { appointment_at: later } });
    await h.createMember(ws);
    const page = await h.nats.request(ListMembers, {
      workspaceId: ws,
      filter:
        'has(member.attributes.appointment_at) && timestamp(member.attributes.appointment_at) - now < duration("24h")',
    });
    expect(page.items.map((m) => m.id)).toEqual([dueSoon.id]);
  });
});
