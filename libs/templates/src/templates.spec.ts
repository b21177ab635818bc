import { renderTemplate, TemplateError, validateTemplate } from './templates';

describe('templates', () => {
  it('renders plain text without HTML escaping', () => {
    expect(
      renderTemplate('Hi {{member.first_name}} from {{brand.name}}', {
        member: { first_name: 'Zoë' },
        brand: { name: 'Fish & Chips <Ltd>' },
      }),
    ).toBe('Hi Zoë from Fish & Chips <Ltd>');
  });

  it('treats member text as data, never as a template', () => {
    const out = renderTemplate('You said: {{message.body}}', {
      message: { body: '{{member.phone}} {{#each x}}' },
      member: { phone: '+15551234567' },
    });
    expect(out).toBe('You said: {{member.phone}} {{#each x}}');
  });

  it('renders missing fields as nothing and supports the built-in helpers', () => {
    expect(
      renderTemplate(
        '{{#if member.first_name}}Hi {{member.first_name}}{{else}}Hello{{/if}}!{{member.nope}}',
        { member: {} },
      ),
    ).toBe('Hello!');
  });

  it('does not reach prototype properties', () => {
    expect(renderTemplate('{{member.constructor}}{{member.__proto__}}', { member: {} })).toBe('');
  });

  it('points at syntax errors', () => {
    expect(validateTemplate('Hi {{member.first_name')).toMatch(
      /^template syntax error on line 1 near "Hi \{\{member.first_name": expecting/,
    );
    expect(validateTemplate('line one\n{{#if x}}open')).toMatch(/^template syntax error on line 2/);
    expect(validateTemplate('Hi {{member.first_name}}')).toBeNull();
  });

  it('refuses unknown helpers and partials', () => {
    expect(validateTemplate('{{shout member.first_name}}')).toBe(
      'template error at line 1, column 1: unknown helper "shout" (known: if, unless, each, with, lookup)',
    );
    expect(validateTemplate('a {{> header}}')).toMatch(/column 3: partials/);
  });

  it('has no log helper: {{log member.phone}} is refused when saved and prints nothing when rendered', () => {
    const source = 'Hi {{log member.phone}}{{#log member.phone}}x{{/log}}';
    expect(validateTemplate('Hi {{log member.phone}}')).toMatch(/unknown helper "log"/);
    const printed: unknown[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(...args)),
    );
    try {
      let rendered: string | undefined;
      try {
        rendered = renderTemplate(source, { member: { phone: '+15551234567' } });
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateError);
        expect(String(error)).not.toContain('+15551234567');
      }
      expect(rendered ?? '').not.toContain('+15551234567');
      expect(JSON.stringify(printed)).not.toContain('5551234567');
      expect(printed).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
