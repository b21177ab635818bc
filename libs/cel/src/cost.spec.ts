import { Environment } from '@marcbachmann/cel-js';
import { CelCompileError, CelEnvironment, DEFAULT_MAX_COST } from './cel';
import { estimateCost } from './cost';

const list = (n: number) => `[${Array.from({ length: n }, (_, i) => i + 1).join(',')}]`;
const parse = new Environment({ unlistedVariablesAreDyn: true });
const cost = (source: string, assumedListSize = 100) =>
  estimateCost(parse.parse(source).ast, { assumedListSize });

describe('estimateCost', () => {
  it.each([
    ['a plain comparison costs its nodes', 'member.first_name == "Ada"', 3, 10],
    ['a loop over a literal costs its body per element', `${list(10)}.exists(a, a == 3)`, 40, 100],
    ['nested loops multiply', `${list(10)}.exists(a, ${list(10)}.exists(b, a == b))`, 400, 1000],
    ['a loop over data assumes the list size', 'event.data.tags.exists(t, t == "vip")', 400, 1000],
    ['map() then a loop over its result', `${list(10)}.map(a, a * 2).exists(b, b > 5)`, 60, 200],
  ])('%s', (_, source, atLeast, atMost) => {
    expect(cost(source)).toBeGreaterThanOrEqual(atLeast);
    expect(cost(source)).toBeLessThanOrEqual(atMost);
  });

  it('grows with the assumed size of data lists', () => {
    expect(cost('event.data.tags.exists(t, t == "vip")', 1000)).toBeGreaterThan(
      cost('event.data.tags.exists(t, t == "vip")', 100) * 5,
    );
  });

  it('reads a nested exists of the kind that held a service for seconds as far over the limit', () => {
    const source = `${list(15)}.exists(a, ${list(15)}.exists(b, ${list(15)}.exists(c, ${list(15)}.exists(d, ${list(15)}.exists(e, ${list(15)}.exists(f, member.first_name == "x"))))))`;
    expect(cost(source)).toBeGreaterThan(DEFAULT_MAX_COST * 1000);
  });
});

describe('CelEnvironment maxCost', () => {
  it('refuses an expression over the limit when compiled, naming the limit', () => {
    const env = new CelEnvironment({ maxCost: 1_000 });
    expect(() => env.compile(`${list(10)}.exists(a, a == 3)`)).not.toThrow();
    let error: CelCompileError | undefined;
    try {
      env.compile(`${list(20)}.exists(a, ${list(20)}.exists(b, a == b))`);
    } catch (e) {
      error = e as CelCompileError;
    }
    expect(error).toBeInstanceOf(CelCompileError);
    expect(error?.kind).toBe('cost');
    expect(error?.summary).toMatch(
      /^too costly to evaluate: about [\d,]+ steps, more than the limit of 1,000 /,
    );
  });

  it('has a default limit', () => {
    expect(new CelEnvironment().maxCost).toBe(DEFAULT_MAX_COST);
    expect(() =>
      new CelEnvironment().compile(`${list(100)}.exists(a, ${list(100)}.exists(b, a == b))`),
    ).toThrow(CelCompileError);
  });
});
