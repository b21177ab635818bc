import type { Keyword } from './keywords';

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
