import { parseMemberCsv } from './member-csv';

describe('parseMemberCsv', () => {
  it.each([
    ['phone\n+14155552671\n', { line: 2, fields: { phone: '+14155552671' } }],
    [
      'Phone Number,First Name,WhatsApp,attributes.clinic\n+14155552671, Dana ,yes,Harbor\n',
      {
        line: 2,
        fields: {
          phone: '+14155552671',
          firstName: 'Dana',
          notifyWhatsapp: true,
          attributes: { clinic: 'Harbor' },
        },
      },
    ],
    ['email,sms\nd@example.com,no\n', { line: 2, fields: { email: 'd@example.com', notifySms: false } }],
    // The headings the console's import reads (@app/rules), e.g. "SMS notifications".
    [
      'email,SMS notifications\nd@example.com,yes\n',
      { line: 2, fields: { email: 'd@example.com', notifySms: true } },
    ],
    // An empty cell sets nothing.
    ['phone,last name\n+14155552671,\n', { line: 2, fields: { phone: '+14155552671' } }],
    ['phone,whatsapp\n+14155552671,maybe\n', { line: 2, problem: 'whatsapp: "maybe" is not yes or no.' }],
    ['phone,first name\n,Dana\n', { line: 2, problem: 'No phone or email: a member needs one.' }],
  ])('%j', (csv, row) => {
    expect(parseMemberCsv(csv).rows).toEqual([row]);
  });

  it('numbers rows by their line, skips blank lines and names the columns it leaves out', () => {
    const csv = parseMemberCsv('\uFEFFphone,shoe size\r\n+14155552671,9\r\n\r\n+14155552672,10\r\n');
    expect(csv.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(csv.ignored).toEqual(['shoe size']);
  });

  it('refuses a file without a phone or email column', () => {
    expect(() => parseMemberCsv('name\nDana\n')).toThrow('at least "phone" or "email"');
  });
});
