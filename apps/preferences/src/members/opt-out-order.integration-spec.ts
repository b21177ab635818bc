import {
  CheckSend,
  CreateMember,
  GetMember,
  ListPreferenceChanges,
  SetMemberOptOut,
  type RequestPayload,
} from '@app/contracts';
import { randomPhone } from '@app/testing';
import { API, PreferencesHarness } from '../testing/preferences-harness';

/**
 * STOP/START handled out of order (two routing replicas, a redelivery): the member ends in the
 * state of the newest message, whatever order they are handled in.
 */
describe('preferences: order-safe opt-out and opt-in', () => {
  const h = PreferencesHarness.forSuite();

  /** A keyword message received `secondsAgo` before now, at stream sequence `seq`. */
  const keyword = (
    workspaceId: string,
    memberId: string,
    word: 'STOP' | 'START',
    secondsAgo: number,
    seq: number,
  ): RequestPayload<typeof SetMemberOptOut> => ({
    workspaceId,
    memberId,
    optedOut: word === 'STOP',
    channel: 'sms',
    source: { type: 'keyword', ref: word },
    position: { at: new Date(Date.now() - secondsAgo * 1000).toISOString(), seq },
  });
  const history = async (workspaceId: string, memberId: string) =>
    (await h.nats.request(ListPreferenceChanges, { workspaceId, memberId })).items.map((c) => [
      c.field,
      c.oldValue,
      c.newValue,
      c.source.ref,
    ]);
  const optedOut = async (workspaceId: string, memberId: string) =>
    (await h.nats.request(GetMember, { workspaceId, memberId })).optedOut;

  it('STOP then START handled in reverse order leaves the member opted in (the newest message)', async () => {
    const ws = h.workspace();
    const member = await h.createMember(ws);
    const stop = keyword(ws, member.id, 'STOP', 60, 101);
    const start = keyword(ws, member.id, 'START', 30, 102);

    // START first: the member is already in, only its position is kept.
    expect(await h.nats.request(SetMemberOptOut, start)).toMatchObject({
      changed: false,
      member: { optedOut: false },
    });
    // Then the older STOP: ignored, and the history says so.
    expect(await h.nats.request(SetMemberOptOut, stop)).toMatchObject({
      changed: false,
      member: { optedOut: false },
    });
    expect(await optedOut(ws, member.id)).toBe(false);
    expect(await history(ws, member.id)).toEqual([['optedOut:ignored', false, true, 'STOP']]);
    const check = await h.nats.request(CheckSend, {
      workspaceId: ws,
      memberId: member.id,
      channel: 'sms',
      kind: 'reply',
    });
    expect(check).toMatchObject({ allowed: true });
  });

  it('a START older than the STOP applied does not opt the member back in', async () => {
    const ws = h.workspace();
    const member = await h.createMember(ws);
    expect(await h.nats.request(SetMemberOptOut, keyword(ws, member.id, 'STOP', 30, 202))).toMatchObject({
      changed: true,
      member: { optedOut: true },
    });
    expect(await h.nats.request(SetMemberOptOut, keyword(ws, member.id, 'START', 60, 201))).toMatchObject({
      changed: false,
      member: { optedOut: true },
    });
    expect(await optedOut(ws, member.id)).toBe(true);
    expect(await history(ws, member.id)).toEqual([
      ['optedOut:ignored', true, false, 'START'],
      ['optedOut', false, true, 'STOP'],
    ]);

    // Within one millisecond the stream sequence decides.
    const sameMs = new Date(Date.now() - 10_000).toISOString();
    const later = { ...keyword(ws, member.id, 'START', 0, 300), position: { at: sameMs, seq: 301 } };
    const earlier = { ...keyword(ws, member.id, 'STOP', 0, 300), position: { at: sameMs, seq: 300 } };
    expect((await h.nats.request(SetMemberOptOut, later)).changed).toBe(true);
    expect((await h.nats.request(SetMemberOptOut, earlier)).changed).toBe(false);
    expect(await optedOut(ws, member.id)).toBe(false);
  });

  it('a redelivered duplicate changes nothing, not even the history', async () => {
    const ws = h.workspace();
    const member = await h.createMember(ws);
    const stop = keyword(ws, member.id, 'STOP', 60, 401);
    const start = keyword(ws, member.id, 'START', 30, 402);
    expect((await h.nats.request(SetMemberOptOut, stop)).changed).toBe(true);
    const stopped = await h.nats.request(GetMember, { workspaceId: ws, memberId: member.id });
    // The applied STOP again: nothing moves.
    expect(await h.nats.request(SetMemberOptOut, stop)).toEqual({ changed: false, member: stopped });
    expect((await h.nats.request(SetMemberOptOut, start)).changed).toBe(true);
    // The STOP once more, now older than the START: ignored, recorded once however often it comes.
    expect((await h.nats.request(SetMemberOptOut, stop)).changed).toBe(false);
    expect((await h.nats.request(SetMemberOptOut, stop)).changed).toBe(false);
    expect((await h.nats.request(SetMemberOptOut, start)).changed).toBe(false);
    expect(await optedOut(ws, member.id)).toBe(false);
    expect(await history(ws, member.id)).toEqual([
      ['optedOut:ignored', false, true, 'STOP'],
      ['optedOut', true, false, 'START'],
      ['optedOut', false, true, 'STOP'],
    ]);
  });

  it("the api's change is now: it applies over any message, and a message received before it is ignored", async () => {
    const ws = h.workspace();
    const member = await h.createMember(ws);
    expect((await h.nats.request(SetMemberOptOut, keyword(ws, member.id, 'STOP', 60, 501))).changed).toBe(
      true,
    );
    // A message received in the future (a clock ahead) does not stop a person's change.
    expect((await h.nats.request(SetMemberOptOut, keyword(ws, member.id, 'START', -5, 502))).changed).toBe(
      true,
    );
    const patched = await h.updateMember(member, { optedOut: true });
    expect(patched.optedOut).toBe(true);
    // A START received before the person's change, handled after it: ignored.
    expect((await h.nats.request(SetMemberOptOut, keyword(ws, member.id, 'START', 1, 503))).changed).toBe(
      false,
    );
    expect(await optedOut(ws, member.id)).toBe(true);
    // A START received after it applies.
    expect((await h.nats.request(SetMemberOptOut, keyword(ws, member.id, 'START', -10, 504))).changed).toBe(
      true,
    );
    expect(await optedOut(ws, member.id)).toBe(false);
    const reopened = await h.updateMember(member, { optedOut: true });
    expect(reopened.optedOut).toBe(true);
    expect((await history(ws, member.id)).map(([field, , value, ref]) => [field, value, ref])).toEqual([
      ['optedOut', true, API.ref],
      ['optedOut', false, 'START'],
      ['optedOut:ignored', false, 'START'],
      ['optedOut', true, API.ref],
      ['optedOut', false, 'START'],
      ['optedOut', true, 'STOP'],
    ]);
  });

  it("the phone keeps the STOP's position: a new member on it is not opted in by an older START", async () => {
    const ws = h.workspace();
    const phone = randomPhone();
    const first = await h.createMember(ws, { phone });
    expect((await h.nats.request(SetMemberOptOut, keyword(ws, first.id, 'STOP', 30, 601))).changed).toBe(
      true,
    );
    // The member moves to another phone; a new member takes the one that sent STOP.
    await h.updateMember(first, { phone: randomPhone() });
    const second = await h.nats.request(CreateMember, { workspaceId: ws, fields: { phone }, source: API });
    expect(second.optedOut).toBe(true);
    expect((await h.nats.request(SetMemberOptOut, keyword(ws, second.id, 'START', 60, 600))).changed).toBe(
      false,
    );
    expect(await optedOut(ws, second.id)).toBe(true);
  });
});
