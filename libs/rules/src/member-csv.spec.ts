import { memberCsvColumn, namesMemberAddress, readMemberCsv, readMemberCsvCell } from './member-csv';

describe('member CSV columns', () => {
  it.each([
    ['First name', { field: 'firstName' }],
    ['E-mail', { field: 'email' }],
    ['Phone Number', { field: 'phone' }],
    ['SMS notifications', { field: 'notifySms' }],
    ['WhatsApp', { field: 'notifyWhatsapp' }],
    ['attributes.appointment_at', { attribute: 'appointment_at' }],
    ['Attribute: clinic', { attribute: 'clinic' }],
    ['Shoe size', null],
    ['', null],
  ])('%j names %j', (heading, column) => {
    expect(memberCsvColumn(heading)).toEqual(column);
  });

  it.each([
    ['yes', true],
    [' Y ', true],
    ['on', true],
    ['1', true],
    ['No', false],
    ['off', false],
    ['0', false],
    ['', undefined],
    ['  ', undefined],
    ['maybe', { problem: 'whatsapp: "maybe" is not yes or no.' }],
  ])('switch cell %j reads %j', (cell, value) => {
    expect(readMemberCsvCell('notifyWhatsapp', 'whatsapp', cell)).toEqual(value);
  });

  it('reads a text cell trimmed, and an empty one as nothing', () => {
    expect(readMemberCsvCell('firstName', 'First name', ' Dana ')).toBe('Dana');
    expect(readMemberCsvCell('firstName', 'First name', '  ')).toBeNull();
    expect(readMemberCsvCell('phone', 'Phone', 'yes')).toBe('yes');
  });
});

describe('namesMemberAddress', () => {
  it('needs a phone or email column', () => {
    expect(namesMemberAddress(['Phone', 'Shoe size'].map(memberCsvColumn))).toBe(true);
    expect(namesMemberAddress(['E-mail address'].map(memberCsvColumn))).toBe(true);
    expect(namesMemberAddress(['First name', 'attributes.phone'].map(memberCsvColumn))).toBe(false);
  });
});

describe('readMemberCsv', () => {
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
    // An empty text cell is null, an empty switch or attribute cell sets nothing.
    [
      'phone,last name,sms,attributes.clinic\n+14155552671,,,\n',
      { line: 2, fields: { phone: '+14155552671', lastName: null } },
    ],
    [
      'phone,whatsapp,sms\n+14155552671,maybe,often\n',
      { line: 2, problem: 'whatsapp: "maybe" is not yes or no.' },
    ],
    ['phone,first name\n,Dana\n', { line: 2, problem: 'No phone or email: a member needs one.' }],
  ])('%j', (csv, row) => {
    expect(readMemberCsv(csv).rows).toEqual([row]);
  });

  it('numbers rows by their line, skips blank lines, names the columns it leaves out', () => {
    const csv = readMemberCsv('\uFEFFphone,shoe size\r\n+14155552671,9\r\n\r\n+14155552672,10\r\n');
    expect(csv.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(csv.ignored).toEqual(['shoe size']);
    expect(csv.namesAddress).toBe(true);
  });

  it('says when no column names a phone or email', () => {
    expect(readMemberCsv('name\nDana\n')).toEqual({
      rows: [{ line: 2, problem: 'No phone or email: a member needs one.' }],
      ignored: ['name'],
      namesAddress: false,
    });
  });
});
