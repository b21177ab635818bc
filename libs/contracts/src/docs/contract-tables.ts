import type { BroadcastContract, Contract, EventContract, RequestContract } from '../define';
import { STREAMS } from '../streams';

export const TABLES_START = '<!-- contracts:tables:start -->';
export const TABLES_END = '<!-- contracts:tables:end -->';

const code = (s: string) => `\`${s}\``;
const list = (parties: readonly string[]) => (parties.length ? parties.join(', ') : '—');
const cell = (s: string) => s.replace(/[|<>]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');

/** The README's tables of streams, events, requests and broadcasts, from the contracts themselves. */
export function renderContractTables(contracts: readonly Contract[]): string {
  const events = contracts.filter((c): c is EventContract => c.kind === 'event');
  const requests = contracts.filter((c): c is RequestContract => c.kind === 'request');
  const broadcasts = contracts.filter((c): c is BroadcastContract => c.kind === 'broadcast');
  return [
    '### Streams',
    '',
    '| stream | subjects | owner (creates it, applies its settings) | holds |',
    '| --- | --- | --- | --- |',
    ...Object.entries(STREAMS).map(
      ([name, s]) =>
        `| ${code(name)} | ${s.subjects.map(code).join(', ')} | ${s.owner === 'shared' ? 'every consumer' : s.owner} | ${cell(s.description)} |`,
    ),
    '',
    '### Events (JetStream)',
    '',
    '| subject | stream | published by | consumed by | what |',
    '| --- | --- | --- | --- | --- |',
    ...events.map(
      (e) =>
        `| ${code(e.subject)} | ${code(e.stream)} | ${list(e.publishers)} | ${list(e.consumers)} | ${cell(e.description)} |`,
    ),
    '',
    '### Requests (core NATS, queue group = the answering service)',
    '',
    '| subject | answered by | asked by | what |',
    '| --- | --- | --- | --- |',
    ...requests.map(
      (r) => `| ${code(r.subject)} | ${r.answeredBy} | ${list(r.askedBy)} | ${cell(r.description)} |`,
    ),
    '',
    '### Broadcasts (core NATS, every replica hears them)',
    '',
    '| subject | published by | heard by | what |',
    '| --- | --- | --- | --- |',
    ...broadcasts.map(
      (b) => `| ${code(b.subject)} | ${list(b.publishers)} | ${list(b.listeners)} | ${cell(b.description)} |`,
    ),
  ].join('\n');
}

/** The README with its generated section replaced by `tables`. */
export function withContractTables(readme: string, tables: string): string {
  const start = readme.indexOf(TABLES_START);
  const end = readme.indexOf(TABLES_END);
  if (start < 0 || end < start)
    throw new Error(`The README has no ${TABLES_START} ... ${TABLES_END} section`);
  return `${readme.slice(0, start + TABLES_START.length)}\n\n${tables}\n\n${readme.slice(end)}`;
}
