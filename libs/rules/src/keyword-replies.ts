import type { Keyword, KeywordLists } from './keywords';

/** A number's own reply texts, by list; null: the default. */
export type KeywordReplyTexts = Record<keyof KeywordLists, string | null>;

const LIST_OF: Record<Keyword, keyof KeywordLists> = { opt_out: 'optOut', opt_in: 'optIn', help: 'help' };

/** The confirmation sent back for a keyword when the number has no text of its own, naming the brand. */
export function defaultKeywordReply(keyword: Keyword, brand: string): string {
  switch (keyword) {
    case 'opt_out':
      return `${brand}: you have been unsubscribed and will get no further messages from us. Reply START to subscribe again.`;
    case 'opt_in':
      return `${brand}: you are subscribed again. Reply STOP at any time to unsubscribe, HELP for help.`;
    case 'help':
      return `${brand}: reply STOP to unsubscribe or START to subscribe again. Message and data rates may apply.`;
  }
}

/** The reply to a keyword: the number's own text, else the default naming the brand. */
export function keywordReply(keyword: Keyword, texts: KeywordReplyTexts, brand: string): string {
  return texts[LIST_OF[keyword]] ?? defaultKeywordReply(keyword, brand);
}
