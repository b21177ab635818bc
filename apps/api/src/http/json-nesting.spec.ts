import { jsonShapeProblem } from './json-nesting';

const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const limits = (maxDepth: number, maxValues = 1000) => ({ maxDepth, maxValues });

describe('jsonShapeProblem', () => {
  it.each<[string, string, number, number, string | null]>([
    ['flat object', '{"a":1,"b":[1,2]}', 2, 1000, null],
    ['exactly at the depth limit', nested(64), 64, 1000, null],
    ['one past the depth limit', nested(65), 64, 1000, 'is nested deeper than 64 levels'],
    ['objects and arrays mixed', '{"a":[{"b":[{}]}]}', 4, 1000, 'is nested deeper than 4 levels'],
    ['brackets inside strings do not count', JSON.stringify({ a: '[[[[[[[[[[' }), 2, 1000, null],
    ['escaped quotes inside strings', JSON.stringify({ a: 'say \\"[[[[" ok' }), 2, 1000, null],
    ['siblings do not add depth', '[[1],[2],[3],[4]]', 2, 1000, null],
    ['but they add up in number', '[[1],[2],[3],[4]]', 2, 7, 'has more than 7 values'],
    ['exactly at the value limit', '[[1],[2],[3],[4]]', 2, 8, null],
    ['a flat array of many numbers', `[${Array(50).fill(1).join(',')}]`, 2, 40, 'has more than 40 values'],
    ['commas inside strings do not count', JSON.stringify(['a,b,c,d,e,f']), 2, 2, null],
    ['empty body', '', 1, 1000, null],
  ])('%s', (_name, text, maxDepth, maxContainers, expected) => {
    expect(jsonShapeProblem(Buffer.from(text), limits(maxDepth, maxContainers))).toBe(expected);
  });
});
