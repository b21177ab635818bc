import {
  MEMBER_CSV_PROBLEMS,
  memberCsvColumn,
  namesMemberAddress,
  readMemberCsv,
  readMemberCsvCell,
} from './member-csv';

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
  it('reads each data row into a member, or the first problem on its line', () => {
    const csv = [
      '\uFEFFE-mail,Surname,Voice,attribute:clinic,Shoe size',
      'kim@example.org, Ito ,off,North,42',
      'lee@example.org,,,,',
      'max@example.org,Roe,perhaps,South,',
      ',Doe,yes,,',
      '',
    ].join('\r\n');
    expect(readMemberCsv(csv)).toEqual({
      rows: [
        {
          line: 2,
          fields: {
            email: 'kim@example.org',
            lastName: 'Ito',
            notifyVoice: false,
            attributes: { clinic: 'North' },
          },
        },
        // An empty text cell is null; an empty switch or attribute cell sets nothing.
        { line: 3, fields: { email: 'lee@example.org', lastName: null } },
        { line: 4, problem: 'Voice: "perhaps" is not yes or no.' },
        { line: 5, problem: MEMBER_CSV_PROBLEMS.noAddress },
      ],
      ignored: ['Shoe size'],
      namesAddress: true,
    });
  });

  it('skips blank lines, and says when no column names a phone or email', () => {
    const csv = readMemberCsv('Given name\r\n\r\nAnn\n');
    expect(csv.rows).toEqual([{ line: 2, problem: MEMBER_CSV_PROBLEMS.noAddress }]);
    expect(csv.namesAddress).toBe(false);
  });
});
