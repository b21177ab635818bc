import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { randomPhone, TEST_DATABASE_URL, waitFor } from '@app/testing';
import { System } from './system';

// Finding 8 of #12: DELETE /v1/members/{id} erases a member everywhere, each service its own data.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('member erasure: one DELETE, every service erases its own data', () => {
  let system: System;
  let db: Client;
  let mediaDir: string;
  let ws: { id: string; key: string };
  const schema = (service: string) => `"${system.namespace}_${service}"`;
  const count = async (sql: string, params: unknown[]) =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0].n);

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'e2e-erasure-'));
    system = await System.start({ env: { MEDIA_DIR: mediaDir } });
    db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    ws = await system.workspace({ whatsapp: true });
  });
  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  async function memberWithHistory(number: { id: string; number: string }, phone: string) {
    const photo = await system.twilio.media('image/png', PNG);
    await system.inbound({
      from: phone,
      to: number.number,
      body: 'My tooth hurts',
      channel: 'whatsapp',
      media: [photo],
    });
    await system.waitForSent(phone, 1, 'whatsapp');
    const { items } = await system.ok<{ items: Array<{ id: string }> }>(
      'GET',
      `/v1/members?phone=${encodeURIComponent(phone)}`,
      ws.key,
    );
    const member = items[0];
    await system.ok('PATCH', `/v1/members/${member.id}`, ws.key, {
      notifyWhatsapp: true,
      firstName: 'Robin',
    });
    return member;
  }

  it('erases the member, their history, chat messages and media, send addresses and bodies and run data; audited; idempotent', async () => {
    const workflow = await system.workflow(ws.key, [{ reply: 'We will call you back.' }]);
    const number = await system.phoneNumber(ws.key, { defaultWorkflowId: workflow.id });
    const phone = randomPhone();
    const otherPhone = randomPhone();
    const member = await memberWithHistory(number, phone);
    const other = await memberWithHistory(number, otherPhone);

    // A rule run about the member (workflow's per-member data).
    const rule = await system.ok<{ id: string }>('POST', '/v1/event-rules', ws.key, {
      event: 'form_submitted',
      action: { type: 'send_whatsapp', phoneNumberId: number.id, template: 'Thanks {{member.first_name}}.' },
    });
    await system.ok('POST', '/v1/events', ws.key, { type: 'form_submitted', memberId: member.id, data: {} });
    await system.waitForSent(phone, 2, 'whatsapp');
    await waitFor(
      async () => (await count(`${schema('workflow')}.action_runs WHERE member_id = $1`, [member.id])) === 1,
    );
    // Media stored for both members, a send with the phone and body for this one.
    await waitFor(async () => (await files(mediaDir)).length === 2, { message: 'two photos kept' });
    expect(
      await count(`${schema('outbound')}.sends WHERE member_id = $1 AND body IS NOT NULL`, [member.id]),
    ).toBe(2);

    const erased = await system.api('DELETE', `/v1/members/${member.id}`, ws.key);
    expect(erased.status).toBe(202);
    expect(erased.body).toMatchObject({ memberId: member.id, erasedBy: expect.stringMatching(/^api-key:/) });

    // preferences: at once.
    expect((await system.api('GET', `/v1/members/${member.id}`, ws.key)).status).toBe(404);
    expect(await count(`${schema('preferences')}.members WHERE id = $1`, [member.id])).toBe(0);
    expect(await count(`${schema('preferences')}.preference_changes WHERE member_id = $1`, [member.id])).toBe(
      0,
    );
    const audit = await db.query(
      `SELECT * FROM ${schema('preferences')}.member_erasures WHERE member_id = $1`,
      [member.id],
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({ workspace_id: ws.id, member_id: member.id, erased_by: erased.body.erasedBy }),
    ]);
    expect(JSON.stringify(audit.rows)).not.toContain(phone.slice(1));

    // chats, outbound, workflow: on the event.
    const chatIds = (
      await db.query<{ id: string }>(`SELECT id FROM ${schema('chats')}.chats WHERE member_id = $1`, [
        member.id,
      ])
    ).rows.map((r) => r.id);
    expect(chatIds.length).toBeGreaterThan(0);
    await waitFor(
      async () => (await count(`${schema('chats')}.chat_messages WHERE chat_id = ANY($1)`, [chatIds])) === 0,
      { message: "the member's chat messages erased" },
    );
    await waitFor(async () => (await files(mediaDir)).length === 1, {
      message: "the member's photo removed",
    });
    await waitFor(
      async () =>
        (await count(
          `${schema('outbound')}.sends WHERE member_id = $1 AND (body IS NOT NULL OR to_address IS NOT NULL OR to_phone IS NOT NULL)`,
          [member.id],
        )) === 0,
      { message: "the member's sends blanked" },
    );
    expect(await count(`${schema('outbound')}.sends WHERE member_id = $1`, [member.id])).toBe(2);
    expect(await count(`${schema('outbound')}.conversation_windows WHERE member_id = $1`, [member.id])).toBe(
      0,
    );
    await waitFor(
      async () => (await count(`${schema('workflow')}.action_runs WHERE member_id = $1`, [member.id])) === 0,
      { message: "the member's rule runs forgotten" },
    );
    expect(await count(`${schema('workflow')}.action_runs WHERE rule_id = $1`, [rule.id])).toBe(1);

    // The other member is untouched.
    expect((await system.api('GET', `/v1/members/${other.id}`, ws.key)).status).toBe(200);
    expect(
      await count(
        `${schema('chats')}.chat_messages m JOIN ${schema('chats')}.chats c ON c.id = m.chat_id WHERE c.member_id = $1`,
        [other.id],
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await count(`${schema('outbound')}.sends WHERE member_id = $1 AND body IS NOT NULL`, [other.id]),
    ).toBe(1);

    // Idempotent: the same answer again; another workspace cannot erase (or learn of) the member.
    const again = await system.api('DELETE', `/v1/members/${member.id}`, ws.key);
    expect(again).toMatchObject({ status: 202, body: erased.body });
    const stranger = await system.workspace();
    expect((await system.api('DELETE', `/v1/members/${other.id}`, stranger.key)).status).toBe(404);
    expect((await system.api('DELETE', `/v1/members/${member.id}`, stranger.key)).status).toBe(404);

    // A STOP they sent before would still hold for the phone; a new message makes a new member.
    await system.inbound({ from: phone, to: number.number, body: 'hello again', channel: 'whatsapp' });
    await system.waitForSent(phone, 3, 'whatsapp');
    const { items } = await system.ok<{ items: Array<{ id: string }> }>(
      'GET',
      `/v1/members?phone=${encodeURIComponent(phone)}`,
      ws.key,
    );
    expect(items).toHaveLength(1);
    expect(items[0].id).not.toBe(member.id);
  });
});
