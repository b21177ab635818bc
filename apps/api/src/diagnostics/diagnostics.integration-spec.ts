import { randomUUID } from 'node:crypto';
import { diagnosticMsgId, DiagnosticRecorded, type DiagnosticKind } from '@app/contracts';
import { INBOUND_REJECTION_REASONS } from '@app/rules';
import { waitFor } from '@app/testing';
import { ADMIN_KEY, ApiHarness } from '../testing/api-harness';

jest.setTimeout(60_000);
const DAY = 86_400_000;

function record(workspaceId: string | null, fields: Partial<DiagnosticRecorded> = {}): DiagnosticRecorded {
  const sid = `SM${randomUUID().replace(/-/g, '')}`;
  return {
    key: `inbound:${sid}`,
    workspaceId,
    kind: 'inbound_rejected',
    code: 'whatsapp_disabled',
    reason: INBOUND_REJECTION_REASONS.whatsapp_disabled,
    channel: 'whatsapp',
    address: '+1555***0001',
    links: {
      phoneNumberId: randomUUID(),
      memberId: null,
      chatId: null,
      messageSid: sid,
      sendId: null,
      ruleRunId: null,
      routineRunId: null,
    },
    occurredAt: new Date().toISOString(),
    ...fields,
  };
}

describe('GET /v1/diagnostics (real Postgres and NATS)', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await ApiHarness.start();
  });
  afterAll(() => h?.stop());

  const publish = (r: DiagnosticRecorded, msgId = diagnosticMsgId(r)) =>
    h.nats.publish(DiagnosticRecorded, r, msgId);
  type Feed = { items: Array<Record<string, unknown> & { code: string }>; nextCursor: string | null };
  const feed = (key: string, query = '') => h.ok<Feed>(`GET`, `/v1/diagnostics${query}`, key);
  async function feedOf(key: string, count: number, query = '') {
    return waitFor(
      async () => {
        const page = await feed(key, query);
        return page.items.length >= count ? page : undefined;
      },
      { message: `${count} diagnostics record(s)`, timeoutMs: 20_000 },
    );
  }

  it("keeps a record once per key, with the reason, the masked address and links, in the workspace's feed only", async () => {
    const ws = await h.workspace();
    const other = await h.workspace();
    const r = record(ws.id);
    await publish(r);
    // A redelivery past JetStream's de-duplication (another msgId) adds nothing.
    await publish(r, `${diagnosticMsgId(r)}:again`);
    const page = await feedOf(ws.key, 1);
    expect(page.items).toEqual([
      {
        id: expect.any(String),
        kind: 'inbound_rejected',
        code: 'whatsapp_disabled',
        reason: INBOUND_REJECTION_REASONS.whatsapp_disabled,
        channel: 'whatsapp',
        address: '+1555***0001',
        links: { ...r.links },
        occurredAt: r.occurredAt,
      },
    ]);
    // A marker published after both: once it shows, the redelivery had its chance.
    await publish(record(ws.id, { code: 'marker', occurredAt: new Date(Date.now() + 1_000).toISOString() }));
    const after = await feedOf(ws.key, 2);
    expect(after.items.map((i) => i.code)).toEqual(['marker', 'whatsapp_disabled']);
    expect((await feed(other.key)).items).toEqual([]);
  });

  it('filters by kind and since, pages newest first with a cursor, and refuses a bad kind or cursor', async () => {
    const ws = await h.workspace();
    const kinds: DiagnosticKind[] = ['inbound_rejected', 'turn_skipped', 'turn_skipped', 'media_refused'];
    const old = new Date(Date.now() - 3 * DAY).toISOString();
    // Distinct times: the feed is ordered by when things happened, whatever order they are recorded in.
    const at = (i: number) => (i === 0 ? old : new Date(Date.now() - (4 - i) * 1_000).toISOString());
    for (const [i, kind] of kinds.entries())
      await publish(record(ws.id, { kind, code: `c${i}`, occurredAt: at(i) }));
    await feedOf(ws.key, 4);

    const skipped = await feed(ws.key, '?kind=turn_skipped');
    expect(skipped.items.map((i) => i.code)).toEqual(['c2', 'c1']);
    const recent = await feed(
      ws.key,
      `?since=${encodeURIComponent(new Date(Date.now() - DAY).toISOString())}`,
    );
    expect(recent.items.map((i) => i.code)).toEqual(['c3', 'c2', 'c1']);

    const first = await feed(ws.key, '?limit=3');
    expect(first.items.map((i) => i.code)).toEqual(['c3', 'c2', 'c1']);
    const second = await feed(ws.key, `?limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.code)).toEqual(['c0']);
    expect(second.nextCursor).toBeNull();

    expect((await h.call('GET', '/v1/diagnostics?kind=everything', ws.key)).status).toBe(400);
    const badCursor = await h.call('GET', '/v1/diagnostics?cursor=bm9wZQ', ws.key);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.message).toMatch(/cursor/);
  });

  it('keeps messages to numbers no workspace has for the operator, not for a workspace', async () => {
    const ws = await h.workspace();
    const r = record(null, { code: 'unknown_number', reason: INBOUND_REJECTION_REASONS.unknown_number });
    await publish(r);
    const operator = await waitFor(
      async () => {
        const page = await h.ok<{ items: Array<{ code: string; links: { messageSid: string } }> }>(
          'GET',
          '/v1/diagnostics/unassigned?kind=inbound_rejected',
          ADMIN_KEY,
        );
        return page.items.find((i) => i.links.messageSid === r.links.messageSid);
      },
      { message: 'the unassigned record', timeoutMs: 20_000 },
    );
    expect(operator).toMatchObject({ code: 'unknown_number' });
    expect((await feed(ws.key)).items).toEqual([]);
    expect((await h.call('GET', '/v1/diagnostics/unassigned', ws.key)).status).toBe(403);
  });
});

describe('diagnostics retention (real Postgres and NATS)', () => {
  // 2 seconds of retention, swept every 200 ms.
  const h = ApiHarness.forSuite({
    workspace: false,
    env: { DIAGNOSTICS_RETENTION_DAYS: String(2 / 86_400), DIAGNOSTICS_SWEEP_MS: '200' },
  });

  it('stores nothing already past retention, and deletes records once they pass it', async () => {
    const ws = await h.workspace();
    const stale = record(ws.id, { code: 'stale', occurredAt: new Date(Date.now() - 60_000).toISOString() });
    const fresh = record(ws.id, { code: 'fresh', occurredAt: new Date(Date.now() + 1_000).toISOString() });
    await h.nats.publish(DiagnosticRecorded, stale, diagnosticMsgId(stale));
    await h.nats.publish(DiagnosticRecorded, fresh, diagnosticMsgId(fresh));
    const rows = async () =>
      (
        await h.sql<{ code: string }>(
          `SELECT code FROM "${h.namespace}_api".diagnostics WHERE workspace_id = $1`,
          [ws.id],
        )
      ).map((r) => r.code);
    await waitFor(async () => ((await rows()).includes('fresh') ? true : undefined), {
      message: 'the fresh record stored',
      timeoutMs: 20_000,
    });
    expect(await rows()).toEqual(['fresh']);
    await waitFor(async () => ((await rows()).length === 0 ? true : undefined), {
      message: 'the sweep to delete the record',
      timeoutMs: 20_000,
    });
    expect((await h.ok('GET', '/v1/diagnostics', ws.key)).items).toEqual([]);
  });
});
