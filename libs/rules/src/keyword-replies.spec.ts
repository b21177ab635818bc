import { defaultKeywordReply, keywordReply } from './keyword-replies';

describe('defaultKeywordReply', () => {
  it.each([
    ['opt_out', /^Sunrise: you have been unsubscribed.*Reply START/],
    ['opt_in', /^Sunrise: you are subscribed again.*STOP/],
    ['help', /^Sunrise: reply STOP to unsubscribe or START/],
  ] as const)('names the brand in the %s reply', (keyword, text) => {
    expect(defaultKeywordReply(keyword, 'Sunrise')).toMatch(text);
  });
});

describe('keywordReply', () => {
  const texts = { optOut: 'Bye from Sunrise.', optIn: null, help: 'Call us.' };
  it.each([
    ['opt_out', 'Bye from Sunrise.'],
    ['help', 'Call us.'],
    ['opt_in', defaultKeywordReply('opt_in', 'Sunrise')],
  ] as const)("answers %s with the number's text, else the default", (keyword, expected) => {
    expect(keywordReply(keyword, texts, 'Sunrise')).toBe(expected);
  });
});
