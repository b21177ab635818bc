import { memberCsvColumn, namesMemberAddress, readMemberCsvCell } from './member-csv';

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
