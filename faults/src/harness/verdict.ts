// The end-of-run checks, computed from what the phones got (the emulator's record) and what the
// services stored (Postgres), against what the harness sent.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatedMessage } from './clients';
import type { ConsumerLag } from './observe';
import { tokensIn, type SentMessage } from './traffic';

export interface ConversationVerdict {
  sent: number;
  accepted: number;
  unaccepted: number;
  webhookPosts: number;
  webhookNon2xx: number;
  replies: number;
  /** Replies that answered more than one queued message (a turn takes every message queued behind it). */
  batchedReplies: number;
  /** Accepted messages not stored by chats. */
  lostStored: string[];
  /** Accepted messages no reply answered. */
  lostReplies: string[];
  /** Messages stored more than once. */
  doubledStored: string[];
  /** Messages answered by more than one reply. */
  doubledReplies: string[];
  /** Twilio messages with the same recipient and text (one send request sent twice). */
  duplicateTwilioSends: string[];
  /** Replies that answered a message before one accepted earlier in the same conversation. */
  outOfOrder: string[];
  /** Messages the system answered although the harness never got a 2xx for them (allowed, at most once). */
  answeredWithout2xx: number;
}

export function judgeConversations(
  tag: string,
  sent: SentMessage[],
  emulated: EmulatedMessage[],
  stored: Map<string, number>,
): ConversationVerdict {
  const byToken = new Map<string, SentMessage>(sent.map((m) => [`c${m.conversation}-m${m.seq}`, m]));
  const answeredBy = new Map<string, number>();
  const perConversation = new Map<number, Array<{ seq: number; reply: string }>>();
  const twilioKeys = new Map<string, number>();
  let replies = 0;
  let batched = 0;
  for (const message of emulated) {
    const tokens = tokensIn(tag, message.body);
    if (!tokens.length) continue;
    replies++;
    if (tokens.length > 1) batched++;
    const twilioKey = `${message.to}|${message.body}`;
    twilioKeys.set(twilioKey, (twilioKeys.get(twilioKey) ?? 0) + 1);
    for (const t of tokens) {
      const key = `c${t.conversation}-m${t.seq}`;
      answeredBy.set(key, (answeredBy.get(key) ?? 0) + 1);
      const list = perConversation.get(t.conversation) ?? [];
      list.push({ seq: t.seq, reply: message.sid });
      perConversation.set(t.conversation, list);
    }
  }
  const accepted = sent.filter((m) => m.accepted);
  const acceptedSeq = new Set(accepted.map((m) => `c${m.conversation}-m${m.seq}`));
  const outOfOrder: string[] = [];
  for (const [conversation, list] of perConversation) {
    // Only accepted messages have a defined order (the harness sends the next one after a 2xx).
    let highest = -1;
    for (const { seq } of list) {
      if (!acceptedSeq.has(`c${conversation}-m${seq}`)) continue;
      if (seq < highest) outOfOrder.push(`c${conversation}-m${seq} after m${highest}`);
      highest = Math.max(highest, seq);
    }
  }
  const label = (m: SentMessage) => `c${m.conversation}-m${m.seq} (${m.sid})`;
  return {
    sent: sent.length,
    accepted: accepted.length,
    unaccepted: sent.length - accepted.length,
    webhookPosts: sent.reduce((n, m) => n + m.answers.length, 0),
    webhookNon2xx: sent.reduce((n, m) => n + m.answers.filter((s) => s < 200 || s >= 300).length, 0),
    replies,
    batchedReplies: batched,
    lostStored: accepted.filter((m) => !stored.get(m.sid)).map(label),
    lostReplies: accepted.filter((m) => !answeredBy.get(`c${m.conversation}-m${m.seq}`)).map(label),
    doubledStored: sent.filter((m) => (stored.get(m.sid) ?? 0) > 1).map(label),
    doubledReplies: [...answeredBy.entries()].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`),
    duplicateTwilioSends: [...twilioKeys.entries()]
      .filter(([, n]) => n > 1)
      .map(([key, n]) => `${key} x${n}`),
    outOfOrder,
    answeredWithout2xx: sent.filter(
      (m) =>
        !m.accepted &&
        byToken.has(`c${m.conversation}-m${m.seq}`) &&
        answeredBy.get(`c${m.conversation}-m${m.seq}`),
    ).length,
  };
}

/**
 * Consumers with work left. Given the api processes alive, the live-feed readers they no longer
 * read (abandonedReaders) are not counted: they acknowledge nothing, so their pending is not work.
 */
export function stuckConsumers(lag: ConsumerLag[], liveApiPids?: Set<number>): ConsumerLag[] {
  const abandoned = new Set(liveApiPids ? abandonedReaders(lag, liveApiPids).map((c) => c.consumer) : []);
  return lag.filter((c) => c.pending + c.ackPending > 0 && !abandoned.has(c.consumer));
}

/**
 * The api's live-feed readers (ordered consumers named `api_live_<host>-<pid>-<id>_<serial>`) that
 * nobody reads any more: their process is gone, or a newer serial of the same reader replaced them
 * (the client recreates an ordered consumer after a NATS node restart). They acknowledge nothing,
 * so their pending count is not work; the server drops them after 5 idle minutes.
 */
export function abandonedReaders(
  lag: ConsumerLag[],
  livePids: Set<number>,
): Array<ConsumerLag & { pid: number; superseded: boolean }> {
  const reader = /^(api_live_.*-(\d+)-[0-9a-f]{6})_(\d+)$/;
  const readers = lag.flatMap((c) => {
    const m = reader.exec(c.consumer);
    return m && !c.durable && c.ackNone ? [{ c, name: m[1], pid: Number(m[2]), serial: Number(m[3]) }] : [];
  });
  const latest = new Map<string, number>();
  for (const r of readers) latest.set(r.name, Math.max(latest.get(r.name) ?? 0, r.serial));
  return readers
    .map((r) => ({ ...r.c, pid: r.pid, superseded: r.serial < latest.get(r.name)! }))
    .filter((r) => r.superseded || !livePids.has(r.pid));
}

export interface RunReport {
  scenario: string;
  seed: number;
  startedAt: string;
  durationMs: number;
  [key: string]: unknown;
}

/** A report's opening fields: which run, when it started and how long it has taken. */
export function reportHeader(scenario: string, seed: number, startedAt: Date): RunReport {
  return { scenario, seed, startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime() };
}

export const RESULTS_DIR = join(__dirname, '..', '..', 'results');

/** Writes results/<scenario>.json and merges the scenario into results/last-run.json. */
export function writeReport(report: RunReport): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${report.scenario}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const lastRun = join(RESULTS_DIR, 'last-run.json');
  let merged: Record<string, unknown> = {};
  try {
    if (existsSync(lastRun)) merged = JSON.parse(readFileSync(lastRun, 'utf8')) as Record<string, unknown>;
  } catch {
    merged = {};
  }
  merged[report.scenario] = report;
  writeFileSync(lastRun, `${JSON.stringify(merged, null, 2)}\n`);
  return lastRun;
}

/** A two-column table for the console. */
/** The first ten of each list, for a report's examples. */
export function examples<T extends Record<string, unknown[]>>(lists: T): T {
  return Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.slice(0, 10)])) as T;
}

/** What a clean run's examples equal: each of their lists, empty. */
export function noExamples(examples: Record<string, unknown[]>): Record<string, never[]> {
  return Object.fromEntries(Object.keys(examples).map((name) => [name, []]));
}

export function table(rows: Array<[string, unknown]>): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows
    .map(([k, v]) => `  ${k.padEnd(width)}  ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');
}

export function logDirFor(scenario: string): string {
  const dir = join(RESULTS_DIR, 'logs', scenario);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
