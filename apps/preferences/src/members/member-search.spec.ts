import { memberSearch } from './member-search';

describe('memberSearch', () => {
  it.each([
    ['ana', '%ana%', null],
    ['  Ana   María ', '%Ana María%', null],
    ['50%_off\\', '%50\\%\\_off\\\\%', null],
    ['(415) 555-26', '%(415) 555-26%', '%41555526%'],
    ['+1 415', '%+1 415%', '%1415%'],
    ['12', '%12%', null],
    ['room 101', '%room 101%', null],
  ])('%j -> %j, phone %j', (text, pattern, phonePattern) => {
    expect(memberSearch(text)).toEqual({ pattern, phonePattern });
  });
});
