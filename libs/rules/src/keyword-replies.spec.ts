import { defaultKeywordReply } from './keyword-replies';

describe('defaultKeywordReply', () => {
  it.each([
    ['opt_out', /^Sunrise: you have been unsubscribed.*Reply START/],
    ['opt_in', /^Sunrise: you are subscribed again.*STOP/],
    ['help', /^Sunrise: reply STOP to unsubscribe or START/],
  ] as const)('names the brand in the %s reply', (keyword, text) => {
    expect(defaultKeywordReply(keyword, 'Sunrise')).toMatch(text);
  });
});
