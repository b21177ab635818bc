import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import * as contracts from '../index';
import {
  contractsIn,
  defineBroadcast,
  defineEvent,
  defineRequest,
  INTEGRATION,
  SERVICES,
  STREAMS,
} from '../index';
import { renderContractTables, withContractTables } from './contract-tables';

const all = contractsIn(contracts);
const parties: readonly string[] = [...SERVICES, INTEGRATION];

describe('the contracts table', () => {
  it('is what libs/contracts/README.md shows (run `npm run contracts:readme` after changing a contract)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toBe(withContractTables(readme, renderContractTables(all)));
  });

  it('finds every kind of contract among the exports', () => {
    expect(all.filter((c) => c.kind === 'event').map((c) => c.subject)).toContain('inbound.message.received');
    expect(all.filter((c) => c.kind === 'request').map((c) => c.subject)).toContain('rpc.outbound.send');
    expect(all.filter((c) => c.kind === 'broadcast').map((c) => c.subject)).toEqual([
      'cache.preferences.member-changed',
    ]);
  });

  it('names only known services, and every event and request has someone on both ends', () => {
    const problems: string[] = [];
    for (const c of all) {
      const named =
        c.kind === 'event'
          ? { publishers: c.publishers, consumers: c.consumers }
          : c.kind === 'request'
            ? { answeredBy: [c.answeredBy], askedBy: c.askedBy }
            : { publishers: c.publishers, listeners: c.listeners };
      for (const [role, list] of Object.entries(named)) {
        if (!list.length) problems.push(`${c.subject}: no ${role}`);
        for (const party of list)
          if (!parties.includes(party)) problems.push(`${c.subject}: ${role} names unknown service ${party}`);
      }
      if (c.kind === 'request' && !(SERVICES as readonly string[]).includes(c.answeredBy))
        problems.push(`${c.subject}: answered by ${c.answeredBy}, which is not a service`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every stream an owner that is a service', () => {
    for (const [name, stream] of Object.entries(STREAMS))
      expect({ name, owner: [...SERVICES, 'shared'].includes(stream.owner) }).toEqual({ name, owner: true });
  });

  it('refuses subjects that break the layout', () => {
    const schema = z.object({});
    expect(() =>
      defineEvent({
        subject: 'chat.x',
        stream: 'INBOUND',
        schema,
        description: '',
        publishers: [],
        consumers: [],
      }),
    ).toThrow(/must start with its stream's name/);
    expect(() =>
      defineRequest({
        subject: 'routing.get',
        request: schema,
        response: schema,
        description: '',
        askedBy: [],
      }),
    ).toThrow(/rpc\.<answering service>/);
    expect(
      defineRequest({
        subject: 'rpc.routing.x',
        request: schema,
        response: schema,
        description: '',
        askedBy: [],
      }).answeredBy,
    ).toBe('routing');
    for (const subject of ['rpc.cache.x', 'inbound.cache.x'])
      expect(() =>
        defineBroadcast({ subject, schema, description: '', publishers: [], listeners: [] }),
      ).toThrow(/must not start with rpc\. or a stream's name/);
  });
});
