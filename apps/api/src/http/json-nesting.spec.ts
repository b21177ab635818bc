import { jsonNestingExceeds } from './json-nesting';

const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

describe('jsonNestingExceeds', () => {
  it.each<[string, string, number, boolean]>([
    ['flat object', '{"a":1,"b":[1,2]}', 2, false],
    ['exactly at the limit', nested(64), 64, false],
    ['one past the limit', nested(65), 64, true],
    ['objects and arrays mixed', '{"a":[{"b":[{}]}]}', 4, true],
    ['brackets inside strings do not count', JSON.stringify({ a: '[[[[[[[[[[' }), 2, false],
    ['escaped quotes inside strings', JSON.stringify({ a: 'say \\"[[[[" ok' }), 2, false],
    ['siblings do not add up', '[[1],[2],[3],[4]]', 2, false],
    ['empty body', '', 1, false],
  ])('%s', (_name, text, max, expected) => {
    expect(jsonNestingExceeds(Buffer.from(text), max)).toBe(expected);
  });
});
