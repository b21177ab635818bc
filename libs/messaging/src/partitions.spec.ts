import { z } from 'zod';
import { defineEvent } from '@app/contracts';
import { rendezvousOwner } from './ownership';
import { parsePartitionsByStream, partitionOf, publishSubject } from './partitions';

const partitions = ['legacy', ...Array.from({ length: 16 }, (_, i) => String(i))];
const owners = (members: string[]) => new Map(partitions.map((p) => [p, rendezvousOwner(members, p)]));

describe('partitions', () => {
  const Turn = defineEvent({
    subject: 'events.test.turn',
    stream: 'EVENTS',
    description: 'test',
    publishers: [],
    consumers: [],
    partitionBy: (t) => t.chat,
    schema: z.object({ chat: z.string() }),
  });

  it('publishes a partitioned event on <subject>.<partition of its key>, the same for one key', () => {
    const subject = publishSubject(Turn, { chat: 'c-1' }, { default: 16 });
    expect(subject).toBe(`events.test.turn.${partitionOf('c-1', 16)}`);
    expect(publishSubject(Turn, { chat: 'c-1' }, { default: 16 })).toBe(subject);
    expect(publishSubject(Turn, { chat: 'c-1' }, { default: 1 })).toBe('events.test.turn.0');
    expect(publishSubject({ ...Turn, partitionBy: undefined }, { chat: 'c-1' }, undefined)).toBe(
      'events.test.turn',
    );
  });

  it('puts a lane under the subject, then the partition', () => {
    const Laned = {
      ...Turn,
      laneOf: (t: { chat: string }) => (t.chat.startsWith('bulk') ? 'bulk' : undefined),
    };
    expect(publishSubject(Laned, { chat: 'bulk-1' }, { default: 16 })).toBe(
      `events.test.turn.bulk.${partitionOf('bulk-1', 16)}`,
    );
    expect(publishSubject(Laned, { chat: 'c-1' }, { default: 16 })).toBe(
      `events.test.turn.${partitionOf('c-1', 16)}`,
    );
    expect(publishSubject({ ...Laned, partitionBy: undefined }, { chat: 'bulk-1' }, undefined)).toBe(
      'events.test.turn.bulk',
    );
  });

  it('spreads keys over every partition', () => {
    const counts = new Array(16).fill(0);
    for (let i = 0; i < 1600; i++) counts[partitionOf(`phone-${i}:member-${i}:sms`, 16)]++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
  });

  it('reads per-stream overrides and refuses a bad one', () => {
    expect(parsePartitionsByStream('OUTBOUND=32, INBOUND=8')).toEqual({ OUTBOUND: 32, INBOUND: 8 });
    expect(parsePartitionsByStream(undefined)).toEqual({});
    expect(() => parsePartitionsByStream('OUTBOUND=0')).toThrow('"OUTBOUND=0"');
  });
});

describe('rendezvous ownership', () => {
  it('gives every partition to one live replica, all of them when alone', () => {
    expect([...owners(['a']).values()].every((o) => o === 'a')).toBe(true);
    const three = owners(['a', 'b', 'c']);
    for (const m of ['a', 'b', 'c'])
      expect([...three.values()].filter((o) => o === m).length).toBeGreaterThan(1);
  });

  it('moves only the partitions of a replica that comes or goes', () => {
    const before = owners(['a', 'b', 'c']);
    const joined = owners(['a', 'b', 'c', 'd']);
    for (const p of partitions) if (joined.get(p) !== before.get(p)) expect(joined.get(p)).toBe('d');
    const left = owners(['a', 'c']);
    for (const p of partitions) if (before.get(p) !== 'b') expect(left.get(p)).toBe(before.get(p));
  });
});
