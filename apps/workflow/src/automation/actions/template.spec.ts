import { AppError } from '@app/contracts';
import { checkTemplate, renderTemplate } from './template';

describe('action templates', () => {
  it('renders member, workspace and event fields as plain text', () => {
    const text = renderTemplate('Hi {{member.first_name}} from {{workspace.name}}: {{event.data.note}}', {
      member: { first_name: 'Zoë' },
      workspace: { name: 'Acme & Co' },
      event: { data: { note: '<b>5 > 3</b>' } },
    });
    expect(text).toBe('Hi Zoë from Acme & Co: <b>5 > 3</b>');
  });

  it('renders member attributes', () => {
    expect(
      renderTemplate('See you {{member.attributes.appointment_at}}', {
        member: { attributes: { appointment_at: 'Dec 1, 10:00' } },
      }),
    ).toBe('See you Dec 1, 10:00');
  });

  it('does not evaluate template syntax found in the data', () => {
    expect(
      renderTemplate('{{event.data.note}}', {
        event: { data: { note: '{{member.phone}}' } },
        member: { phone: '+15551234567' },
      }),
    ).toBe('{{member.phone}}');
  });

  it('refuses a template that does not parse', () => {
    expect(() => checkTemplate('Hi {{member.first_name', 'action.template')).toThrow(AppError);
    expect(() => checkTemplate('Hi {{member.first_name}}', 'action.template')).not.toThrow();
  });
});
