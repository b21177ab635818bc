import type { Keyword } from '@app/contracts';

const KEYWORDS: Readonly<Record<string, Keyword>> = {
  STOP: 'opt_out',
  STOPALL: 'opt_out',
  UNSUBSCRIBE: 'opt_out',
  CANCEL: 'opt_out',
  END: 'opt_out',
  QUIT: 'opt_out',
  OPTOUT: 'opt_out',
  REVOKE: 'opt_out',
  START: 'opt_in',
  UNSTOP: 'opt_in',
  YES: 'opt_in',
  HELP: 'help',
  INFO: 'help',
};

export interface DetectedKeyword {
  keyword: Keyword;
  /** The keyword as written, upper-cased (`STOP`), for the audit trail. */
  word: string;
}

/**
 * The compliance keyword a message is, if any: the whole body after trimming, case-insensitive.
 * A keyword inside a sentence ("please don't stop") is an ordinary message.
 */
export function detectKeyword(body: string): DetectedKeyword | null {
  const word = body.trim().toUpperCase();
  // Own property only: a body such as "constructor" must not hit Object.prototype.
  if (word.length > 11 || !Object.prototype.hasOwnProperty.call(KEYWORDS, word)) return null;
  return { keyword: KEYWORDS[word], word };
}
