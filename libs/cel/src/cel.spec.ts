import { CelCompileError, CelEnvironment, firstLine } from './cel';

describe('CelEnvironment', () => {
  const typed = new CelEnvironment({ variables: { member: { first_name: 'string', opted_out: 'bool' } } });

  it('compiles once and evaluates plain data (lists, nested maps, dates as ISO strings)', () => {
    const program = typed.compile('member.first_name == "Ada" && !member.opted_out');
    expect(program.type).toBe('bool');
    expect(program.evaluate({ member: { first_name: 'Ada', opted_out: false } })).toBe(true);
    const untyped = new CelEnvironment();
    const context = {
      event: { tags: ['vip'], when: new Date('2024-01-01T00:00:00Z'), nested: { n: 1 }, gone: undefined },
    };
    expect(
      untyped
        .compile(
          '"vip" in event.tags && event.nested.n == 1 && event.when.startsWith("2024") && event.gone == null',
        )
        .evaluate(context),
    ).toBe(true);
  });

  it('refuses syntax and type errors with where they are', () => {
    const error = (env: CelEnvironment, source: string) => {
      try {
        env.compile(source);
      } catch (e) {
        return e as CelCompileError;
      }
      throw new Error('expected a compile error');
    };
    expect(error(typed, 'member.first_name == ')).toMatchObject({
      kind: 'syntax',
      summary: 'Unexpected token: EOF',
      offset: 21,
    });
    expect(error(typed, 'member.first_name == ').at).toBe(' at column 22');
    expect(error(typed, 'member.opted_out ==\n  && x').at).toMatch(/^ at line 2, column 3$/);
    expect(error(typed, 'membr.first_name == ""')).toMatchObject({
      kind: 'type',
      summary: 'Unknown variable: membr',
      offset: 0,
    });
    expect(() => new CelEnvironment().compile('membr.first_name == ""')).not.toThrow();
  });

  it('keeps compiled programs when asked to', () => {
    const cached = new CelEnvironment({ cacheSize: 1 });
    expect(cached.compile('1 == 1')).toBe(cached.compile('1 == 1'));
    expect(typed.compile('member.opted_out')).not.toBe(typed.compile('member.opted_out'));
    expect(firstLine(new Error('one\ntwo'))).toBe('one');
  });

  it('keeps timestamp variables as timestamps, for time arithmetic over attributes', () => {
    const timed = new CelEnvironment({
      variables: { member: { attributes: 'map<string, dyn>' } },
      timestamps: ['now'],
    });
    const soon = timed.compile('timestamp(member.attributes.appointment_at) - now < duration("24h")');
    expect(soon.type).toBe('bool');
    const member = { attributes: { appointment_at: '2026-12-01T10:00:00Z' } };
    expect(soon.evaluate({ member, now: new Date('2026-11-30T12:00:00Z') })).toBe(true);
    expect(soon.evaluate({ member, now: new Date('2026-11-29T12:00:00Z') })).toBe(false);
    expect(() => timed.compile('now + 1')).toThrow(CelCompileError);
  });
});
