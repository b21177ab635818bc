import { describe, expect, it } from 'vitest';
import { pathKeys, serverProblems, syntaxProblems } from './definition-problems';

const yaml = ['- reply: Hello', '- if: chat.channel ==', '  then:', '    - reply: "{{#if}}"', ''].join('\n');

describe('definition problems', () => {
  it('reads step paths', () => {
    expect(pathKeys('steps[1].then[0].reply')).toEqual(['steps', 1, 'then', 0, 'reply']);
  });

  it("places the service's problems on the node they name, with the line", () => {
    const problems = serverProblems(
      yaml,
      'definition is not valid: steps[1].if: CEL syntax error at column 13: unexpected end; steps[1].then[0].reply: unclosed block',
    );
    expect(problems.map((p) => [p.where, yaml.slice(p.from!, p.to!)])).toEqual([
      ['line 2', 'chat.channel =='],
      ['line 4', '"{{#if}}"'],
    ]);
    expect(problems[0].message).toBe('steps[1].if: CEL syntax error at column 13: unexpected end');
  });

  it('finds steps under a steps: key, and a missing field at its step', () => {
    const text = 'steps:\n  - if: "true"\n';
    const [problem] = serverProblems(
      text,
      'definition is not valid: steps[0].then: an if step needs a then list',
    );
    expect(problem.where).toBe('line 2');
    expect(text.slice(problem.from!, problem.to!)).toContain('if: "true"');
  });

  it('places a YAML syntax error by its line and column, and keeps other messages whole', () => {
    const [syntax] = serverProblems(
      '- reply: a\n- reply: [\n',
      'definition: YAML syntax error at line 2, column 10: Missing ]',
    );
    expect(syntax).toMatchObject({ where: 'line 2', message: 'YAML syntax error: Missing ]' });
    expect(serverProblems('x', 'name: Too long')).toEqual([
      { message: 'name: Too long', from: null, to: null, where: null },
    ]);
  });

  it('finds syntax errors while typing', () => {
    expect(syntaxProblems('- reply: [unclosed\n')[0].where).toMatch(/^line [12]$/);
    expect(syntaxProblems(yaml)).toEqual([]);
  });
});
