import {
  actingKeyword,
  checkKeywordLists,
  confirmsKeyword,
  DEFAULT_KEYWORDS,
  detectKeyword,
  editKeywordLists,
  normaliseKeyword,
  type KeywordLists,
} from './keywords';

describe('detectKeyword with the default lists', () => {
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

  it.each([
    ['stop', 'opt_out', 'STOP'],
    ['  Stop  ', 'opt_out', 'STOP'],
    ['\tUnSubscribe\n', 'opt_out', 'UNSUBSCRIBE'],
    ['\u00a0start\u00a0', 'opt_in', 'START'],
    ['help\r\n', 'help', 'HELP'],
    // Punctuation-insensitive.
    ['STOP!', 'opt_out', 'STOP'],
    ['STOP.', 'opt_out', 'STOP'],
    ['"Stop"', 'opt_out', 'STOP'],
    ['info?', 'help', 'INFO'],
    ['opt-out', 'opt_out', 'OPTOUT'],
    ['¡Stop!', 'opt_out', 'STOP'],
    // Unicode-normalised (NFKC): full-width and compatibility forms.
    ['ＳＴＯＰ', 'opt_out', 'STOP'],
    ['ｓｔａｒｔ', 'opt_in', 'START'],
  ] as const)('reads %j as %s (%s): case, spaces and punctuation do not matter', (body, keyword, word) => {
    expect(detectKeyword(body)).toEqual({ keyword, word });
  });

  it.each([
    "please don't stop",
    'stop it',
    'S T O P',
    'stopp',
    'unstoppable',
    'yes please',
    'Helpful',
    'OPT OUT',
    '',
    '   ',
    '?!',
    'END OF STORY',
    'STOP 🛑',
    'x'.repeat(1600),
  ])('treats %j as an ordinary message', (body) => {
    expect(detectKeyword(body)).toBeNull();
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'CONSTRUCTOR'])(
    'is not fooled by %j (a name of an object property)',
    (body) => {
      expect(detectKeyword(body)).toBeNull();
    },
  );
});

describe("detectKeyword with a number's own lists", () => {
  const lists: KeywordLists = { optOut: ['STOP', 'ARRET', 'BASTA YA'], optIn: ['START'], help: ['AIDE'] };

  it.each([
    ['arrêt', null], // an accent is a letter, not punctuation
    ['ARRET', { keyword: 'opt_out', word: 'ARRET' }],
    ['basta   ya!', { keyword: 'opt_out', word: 'BASTA YA' }],
    ['Aide', { keyword: 'help', word: 'AIDE' }],
    // Words the number removed are ordinary messages there.
    ['CANCEL', null],
    ['YES', null],
    ['HELP', null],
  ] as const)('%j → %j', (body, expected) => {
    expect(detectKeyword(body, lists)).toEqual(expected);
  });
});

describe('normaliseKeyword', () => {
  it.each([
    [' opt-out ', 'OPTOUT'],
    ['Stop.', 'STOP'],
    ['basta\u3000ya', 'BASTA YA'],
    ['ﬁn', 'FIN'], // the ligature is two letters after NFKC
  ])('%j → %j', (text, expected) => {
    expect(normaliseKeyword(text)).toBe(expected);
  });
});

describe('actingKeyword', () => {
  const yes = { keyword: 'opt_in', word: 'YES' } as const;
  const stop = { keyword: 'opt_out', word: 'STOP' } as const;
  const help = { keyword: 'help', word: 'HELP' } as const;
  it.each([
    [yes, false, null], // "Yes" from someone subscribed is an answer
    [yes, true, yes],
    [stop, false, stop],
    [stop, true, stop],
    [help, false, help],
    [null, true, null],
  ] as const)('%j from a sender opted out: %s → %j', (detected, optedOut, expected) => {
    expect(actingKeyword(detected, optedOut)).toEqual(expected);
  });
});

describe('confirmsKeyword', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
  it.each([
    ['help', false, null, true],
    ['help', false, hoursAgo(1), true],
    ['opt_out', true, hoursAgo(1), true], // a change is always confirmed
    ['opt_in', true, null, true],
    ['opt_in', false, null, false],
    ['opt_out', false, null, true], // a repeated STOP never acknowledged
    ['opt_out', false, hoursAgo(1), false],
    ['opt_out', false, hoursAgo(23.9), false],
    ['opt_out', false, hoursAgo(24), true],
    ['opt_out', false, hoursAgo(72), true],
  ] as const)('%s, changed %s, last acknowledged %s → %s', (keyword, changed, lastAckAt, expected) => {
    expect(confirmsKeyword(keyword, { changed, lastAckAt, now })).toBe(expected);
  });
});

describe('checkKeywordLists', () => {
  it('normalises, and drops repeats within a list', () => {
    expect(checkKeywordLists({ optOut: ['stop', 'Arrêt!', 'STOP'], optIn: ['start'], help: [] })).toEqual({
      ok: true,
      lists: { optOut: ['STOP', 'ARRÊT'], optIn: ['START'], help: [] },
    });
  });

  it('accepts the defaults', () => {
    expect(checkKeywordLists(DEFAULT_KEYWORDS)).toEqual({ ok: true, lists: DEFAULT_KEYWORDS });
  });

  it.each([
    [
      { optOut: ['STOP'], optIn: ['stop'], help: [] },
      'keywords.optIn.0',
      /STOP is already in keywords.optOut/,
    ],
    [{ optOut: ['STOP', '?!'], optIn: [], help: [] }, 'keywords.optOut.1', /1 to 30 letters/],
    [{ optOut: ['STOP', 'x'.repeat(31)], optIn: [], help: [] }, 'keywords.optOut.1', /1 to 30 letters/],
    [{ optOut: ['STOP', '🛑'], optIn: [], help: [] }, 'keywords.optOut.1', /1 to 30 letters/],
    [
      { optOut: ['STOP'], optIn: [], help: Array.from({ length: 21 }, (_, i) => `H${i}`) },
      'keywords.help',
      /at most 20/,
    ],
    [{ optOut: ['CANCEL'], optIn: [], help: [] }, 'keywords.optOut', /must include STOP/],
  ])('refuses %j naming %s', (lists, field, problem) => {
    expect(checkKeywordLists(lists)).toMatchObject({
      ok: false,
      field,
      problem: expect.stringMatching(problem),
    });
  });

  it('marks a missing STOP as a broken rule, not bad input', () => {
    expect(checkKeywordLists({ optOut: [], optIn: [], help: [] })).toMatchObject({ ok: false, rule: true });
  });
});

describe('editKeywordLists', () => {
  const current: KeywordLists = { optOut: ['STOP', 'ARRET'], optIn: ['START'], help: ['AIDE'] };
  it.each([
    [{ optOut: ['STOP'] }, { optOut: ['STOP'], optIn: ['START'], help: ['AIDE'] }],
    [{}, current],
    [null, DEFAULT_KEYWORDS],
  ] as const)('%j over the current lists → %j', (edit, expected) => {
    expect(editKeywordLists(current, edit)).toEqual(expected);
  });
});
