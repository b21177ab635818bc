import {
  CreateMember,
  GetMember,
  ListMembers,
  ListPreferenceChanges,
  type RequestPayload,
} from '@app/contracts';
import { randomPhone } from '@app/testing';
import { API, PreferencesHarness } from '../testing/preferences-harness';
import { MemberCreateKeysSweeper } from './member-create-keys.sweeper';

type Fields = RequestPayload<typeof CreateMember>['fields'];

describe('preferences: a member create with an idempotency key', () => {
  const h = PreferencesHarness.forSuite();

  const create = (workspaceId: string, idempotencyKey: string, fields: Fields) =>
    h.nats.request(CreateMember, { workspaceId, fields, source: API, idempotencyKey });
  const membersOf = async (workspaceId: string) =>
    (await h.nats.request(ListMembers, { workspaceId, limit: 1000 })).items;

  it('answers a repeat with the member the key created, flagged replayed, and creates nobody else', async () => {
    const ws = h.workspace();
    const fields = { firstName: 'Dana', phone: randomPhone(), notifyWhatsapp: true };
    const first = await create(ws, 'row-2', fields);
    expect(first.replayed).toBeUndefined();
    expect(first).toMatchObject({ firstName: 'Dana', phone: fields.phone, notifyWhatsapp: true });

    // The answer was lost; the client asks again, with the phone written another way.
    const again = await create(ws, 'row-2', {
      ...fields,
      phone: ` ${fields.phone.slice(0, 5)} ${fields.phone.slice(5)}`,
    });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await h.nats.request(GetMember, { workspaceId: ws, memberId: first.id })).toEqual(first);
    expect(await membersOf(ws)).toEqual([first]);
    // The consent given at creation is audited once.
    const changes = await h.nats.request(ListPreferenceChanges, { workspaceId: ws, memberId: first.id });
    expect(changes.items.map((c) => c.field)).toEqual(['notifyWhatsapp']);
  });

  it('creates one member when repeats race each other, on two replicas', async () => {
    await h.addReplica();
    const ws = h.workspace();
    const fields = { firstName: 'Noor', phone: randomPhone(), notifyWhatsapp: true };
    const answers = await Promise.all(Array.from({ length: 12 }, () => create(ws, 'race', fields)));
    const ids = new Set(answers.map((a) => a.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(answers.filter((a) => a.replayed)).toHaveLength(11);
    const members = await membersOf(ws);
    expect(members.map((m) => m.id)).toEqual([...ids]);
    const changes = await h.nats.request(ListPreferenceChanges, { workspaceId: ws, memberId: members[0].id });
    expect(changes.items).toHaveLength(1);
  });

  it('refuses the key with other fields, changing nothing', async () => {
    const ws = h.workspace();
    const first = await create(ws, 'row-7', { firstName: 'Ana', phone: randomPhone() });
    const otherPhone = randomPhone();
    for (const fields of [
      { firstName: 'Ana', phone: otherPhone },
      { firstName: 'Anna', phone: first.phone },
      { firstName: 'Ana', phone: first.phone, notifyWhatsapp: true },
    ])
      await expect(create(ws, 'row-7', fields)).rejects.toMatchObject({
        code: 'rule_violation',
        message: expect.stringContaining('Idempotency-Key: this key was already used'),
      });
    expect(await membersOf(ws)).toEqual([first]);
  });

  it("keeps each workspace's keys apart", async () => {
    const [one, two] = [h.workspace(), h.workspace()];
    const a = await create(one, 'import:abc:2', { phone: randomPhone() });
    const b = await create(two, 'import:abc:2', { phone: randomPhone() });
    const sameFields = await create(two, 'import:abc:3', { phone: a.phone });
    expect(b.replayed).toBeUndefined();
    expect(sameFields.replayed).toBeUndefined();
    expect(new Set([a.id, b.id, sameFields.id]).size).toBe(3);
    expect(await membersOf(one)).toEqual([a]);
    expect((await membersOf(two)).map((m) => m.id).sort()).toEqual([b.id, sameFields.id].sort());
  });

  it('leaves the key free when the create is refused (phone taken), so a corrected retry creates', async () => {
    const ws = h.workspace();
    const taken = await h.createMember(ws);
    await expect(create(ws, 'row-9', { phone: taken.phone })).rejects.toMatchObject({ code: 'conflict' });
    const fixed = await create(ws, 'row-9', { phone: randomPhone() });
    expect(fixed.replayed).toBeUndefined();
    expect(await membersOf(ws)).toHaveLength(2);
  });

  it('forgets keys after MEMBER_CREATE_KEY_TTL_HOURS (swept): the key may then name a new member', async () => {
    const ws = h.workspace();
    const first = await create(ws, 'old', { phone: randomPhone() });
    const sweeper = h.service.app.get(MemberCreateKeysSweeper);
    // A sweep within the day keeps it.
    expect(await sweeper.sweep(new Date(Date.now() + 23 * 3_600_000))).toBe(0);
    expect(await create(ws, 'old', { phone: first.phone })).toMatchObject({ id: first.id, replayed: true });
    expect(await sweeper.sweep(new Date(Date.now() + 25 * 3_600_000))).toBeGreaterThanOrEqual(1);
    const next = await create(ws, 'old', { phone: randomPhone() });
    expect(next.id).not.toBe(first.id);
    expect(next.replayed).toBeUndefined();
  });
});
