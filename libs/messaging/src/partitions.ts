import type { EventContract, StreamName } from '@app/contracts';

/** Partitions per stream when the operator sets none (NATS_PARTITIONS). */
export const DEFAULT_PARTITIONS = 16;

/** How many partitions each stream's ordered events are spread over: a default and per-stream overrides. */
export interface PartitionSettings {
  default: number;
  byStream?: Partial<Record<StreamName, number>>;
}

export const partitionCount = (stream: StreamName, settings: PartitionSettings | undefined): number =>
  settings?.byStream?.[stream] ?? settings?.default ?? DEFAULT_PARTITIONS;

/**
 * `OUTBOUND=32,INBOUND=8` (NATS_PARTITIONS_BY_STREAM) as overrides; a bad entry throws, naming it.
 * Every publisher and consumer of a stream must use the same count (they share the settings).
 */
export function parsePartitionsByStream(text: string | undefined): Partial<Record<StreamName, number>> {
  const out: Partial<Record<StreamName, number>> = {};
  for (const entry of (text ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([A-Z]+)=(\d+)$/.exec(entry);
    const count = match ? Number(match[2]) : NaN;
    if (!match || count < 1 || count > 1024)
      throw new Error(`NATS_PARTITIONS_BY_STREAM: "${entry}" is not STREAM=<1..1024>`);
    out[match[1] as StreamName] = count;
  }
  return out;
}

/**
 * FNV-1a (32 bit) with murmur3's finaliser: stable across processes and versions, cheap, and even
 * in its low bits (FNV-1a's alone depend only on the low bits of the characters).
 */
export function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const partitionOf = (key: string, partitions: number): number => hashKey(key) % partitions;

/** The subject a lane of a contract lives under: `<subject>.<lane>`, or the subject itself. */
export const laneSubject = (contract: EventContract, lane: string | undefined): string =>
  lane ? `${contract.subject}.${lane}` : contract.subject;

/**
 * The subject an event is published on: its lane's subject (`laneOf`), then `.<partition>` for a
 * partitioned contract (its conversation's partition).
 */
export function publishSubject(
  contract: EventContract,
  payload: unknown,
  settings: PartitionSettings | undefined,
): string {
  const base = laneSubject(contract, contract.laneOf?.(payload));
  if (!contract.partitionBy) return base;
  const key = contract.partitionBy(payload);
  return `${base}.${partitionOf(key, partitionCount(contract.stream, settings))}`;
}
