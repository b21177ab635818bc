import { detectKeyword } from './keywords';

describe('detectKeyword', () => {
  it.each(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'])(
    '%s opts out',
    (word) => {
      expect(detectKeyword(word)).toEqual({ keyword: 'opt_out', word });
    },
  );

  it.each(['START', 'UNSTOP', 'YES'])('%s opts back in', (word) => {
    expect(detectKeyword(word)).toEqual({ keyword: 'opt_in', word });
  });

  it.each(['HELP', 'INFO'])('%s asks for help', (word) => {
    expect(detectKeyword(word)).toEqual({ keyword: 'help', word });
  });

  it('ignores case and surrounding whitespace (spaces, tabs, newlines)', () => {
    expect(detectKeyword('stop')).toEqual({ keyword: 'opt_out', word: 'STOP' });
    expect(detectKeyword('  Stop  ')).toEqual({ keyword: 'opt_out', word: 'STOP' });
    expect(detectKeyword('\tUnSubscribe\n')).toEqual({ keyword: 'opt_out', word: 'UNSUBSCRIBE' });
    expect(detectKeyword('\u00a0start\u00a0')).toEqual({ keyword: 'opt_in', word: 'START' });
    expect(detectKeyword('help\r\n')).toEqual({ keyword: 'help', word: 'HELP' });
  });

  it.each([
    "please don't stop",
    'stop it',
    'STOP!',
    'STOP.',
    'S T O P',
    'stopp',
    'unstoppable',
    'yes please',
    'Helpful',
    'info?',
    'OPT OUT',
    '',
    '   ',
    'END OF STORY',
  ])('treats %j as an ordinary message', (body) => {
    expect(detectKeyword(body)).toBeNull();
  });

  it('is not fooled by names of object properties', () => {
    for (const body of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'CONSTRUCTOR']) {
      expect(detectKeyword(body)).toBeNull();
    }
  });
});
