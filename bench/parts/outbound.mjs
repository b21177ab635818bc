// Part 3: outbound. (a) Send requests published on JetStream (`outbound.send.requested`, as any
// internal service does) through the checks, persistence and the emulator, on a number with an
// effectively unlimited rate; (b) a broadcast routine to every member at a configured per-number
// rate, measured at the emulator.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { log, root, round, sleep } from '../lib/common.mjs';
import { pool } from '../lib/stack.mjs';
import { withJsm } from '../lib/infra.mjs';

const require = createRequire(import.meta.url);
const CONTENT_SID = `HX${randomBytes(16).toString('hex')}`;

export async function createMembers(system, count) {
  const t0 = Date.now();
  const members = await pool(
    Array.from({ length: count }, (_, i) => i),
    32,
    (i) =>
      system.call('POST', '/v1/members', system.key, {
        firstName: `Member${i}`,
        phone: `+1555${String(9_000_000 + i).padStart(7, '0')}`,
        notifyWhatsapp: true,
      }),
  );
  const s = (Date.now() - t0) / 1000;
  log(`created ${count} members through the API in ${round(s, 1)} s`);
  return { members, perSecond: round(count / s) };
}

async function emulatorMessages(emulator, from) {
  const list = await fetch(
    `${emulator}/emulator/messages?from=${encodeURIComponent(`whatsapp:${from}`)}`,
  ).then((r) => r.json());
  return list.messages;
}

/** Polls the emulator until `expected` messages from `from` arrived or none came for `quietMs`. */
async function waitForCount(emulator, from, expected, quietMs, isDone = async () => false) {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const { count } = await fetch(
      `${emulator}/emulator/rate?from=${encodeURIComponent(`whatsapp:${from}`)}`,
    ).then((r) => r.json());
    if (count !== last) {
      last = count;
      lastChange = Date.now();
    }
    if (count >= expected && Date.now() - lastChange > 1000) return count;
    if (Date.now() - lastChange > quietMs && (await isDone())) return count;
    if (Date.now() - lastChange > quietMs * 3) return count;
    await sleep(250);
  }
}

function spread(messages) {
  const times = messages.map((m) => m.createdAt).sort((a, b) => a - b);
  const perTo = new Map();
  for (const m of messages) perTo.set(m.to, (perTo.get(m.to) ?? 0) + 1);
  const dup = [...perTo.values()].reduce((a, n) => a + (n > 1 ? n - 1 : 0), 0);
  return { first: times[0], last: times[times.length - 1], recipients: perTo.size, duplicates: dup };
}

export async function benchSends({ system, number, members, ns }) {
  const { SendRequested } = require(join(root, 'dist/libs/contracts/src/index.js'));
  const emulator = system.stack.url('twilio-emulator');
  const subject = `${ns}.${SendRequested.subject}`;
  const requests = members.map((m, i) =>
    SendRequested.schema.parse({
      idempotencyKey: `bench-send-${i}`,
      workspaceId: system.workspaceId,
      phoneNumberId: number.id,
      memberId: m.id,
      channel: 'whatsapp',
      contentSid: CONTENT_SID,
      contentVariables: { 1: m.firstName },
      kind: 'system',
      origin: { service: 'bench', ref: null },
    }),
  );
  const t0 = Date.now();
  let publishedAt = t0;
  await withJsm(async (_jsm, nc) => {
    const { jetstream } = await import('@nats-io/jetstream');
    const js = jetstream(nc);
    await pool(requests, 200, (r) =>
      js.publish(subject, JSON.stringify(r), { msgID: `${r.workspaceId}:${r.idempotencyKey}` }),
    );
    publishedAt = Date.now();
  });
  const count = await waitForCount(emulator, number.number, requests.length, 15_000);
  const msgs = await emulatorMessages(emulator, number.number);
  const sp = spread(msgs);
  const rate = await fetch(
    `${emulator}/emulator/rate?from=${encodeURIComponent(`whatsapp:${number.number}`)}`,
  ).then((r) => r.json());
  const result = {
    requests: requests.length,
    publishS: round((publishedAt - t0) / 1000, 2),
    delivered: count,
    recipients: sp.recipients,
    duplicates: sp.duplicates,
    missing: requests.length - sp.recipients,
    // From the first publish to the last message at the emulator.
    sendsPerSecond: round((count * 1000) / (sp.last - t0)),
    // Between the first and the last message at the emulator (the steady pace).
    steadyPerSecond: round(((count - 1) * 1000) / (sp.last - sp.first)),
    maxInAnySecond: rate.maxInAnySecond,
    configuredRate: 'unlimited (10000/s)',
  };
  log(
    `outbound: ${count}/${requests.length} sends in ${round((sp.last - t0) / 1000, 1)} s = ${result.sendsPerSecond}/s (steady ${result.steadyPerSecond}/s)`,
  );
  return result;
}

export async function benchBroadcast({ system, number, expectedMembers, configuredRate }) {
  const emulator = system.stack.url('twilio-emulator');
  const { call, key } = system;
  const routine = await call('POST', '/v1/routines', key, {
    name: 'Bench broadcast',
    memberFilter: 'member.notify_whatsapp',
    action: {
      type: 'send_whatsapp',
      phoneNumberId: number.id,
      contentSid: CONTENT_SID,
      contentVariables: { 1: 'there' },
    },
  });
  const t0 = Date.now();
  await call('POST', `/v1/routines/${routine.id}/run`, key);
  let progress;
  const isDone = async () => {
    progress = (await call('GET', `/v1/routines/${routine.id}`, key)).progress;
    return progress.state === 'done';
  };
  const count = await waitForCount(emulator, number.number, expectedMembers, 20_000, isDone);
  await isDone();
  const msgs = await emulatorMessages(emulator, number.number);
  const sp = spread(msgs);
  const rate = await fetch(
    `${emulator}/emulator/rate?from=${encodeURIComponent(`whatsapp:${number.number}`)}`,
  ).then((r) => r.json());
  const meanRate = count > 1 ? ((count - 1) * 1000) / (sp.last - sp.first) : null;
  const result = {
    members: expectedMembers,
    configuredRate,
    delivered: count,
    recipients: sp.recipients,
    duplicates: sp.duplicates,
    missing: expectedMembers - sp.recipients,
    progress,
    meanRate: round(meanRate, 1),
    maxInAnySecond: rate.maxInAnySecond,
    meanVsConfigured: round(meanRate / configuredRate, 3),
    exceeded: rate.maxInAnySecond > configuredRate,
    startToFirstMs: sp.first - t0,
    totalS: round((sp.last - t0) / 1000, 1),
  };
  log(
    `broadcast: ${count}/${expectedMembers} at mean ${result.meanRate}/s (max in any second ${rate.maxInAnySecond}) vs configured ${configuredRate}/s`,
  );
  return result;
}
