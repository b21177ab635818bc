/** What a compliance keyword does. */
export const KEYWORDS = ['opt_out', 'opt_in', 'help'] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** A number's keyword lists, by what they do. */
export interface KeywordLists {
  optOut: readonly string[];
  optIn: readonly string[];
  help: readonly string[];
}

/** Twilio's Advanced Opt-Out defaults, plus OPTOUT and REVOKE (the FCC's 2025 revocation rules). */
export const DEFAULT_KEYWORDS: KeywordLists = {
  optOut: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'],
  optIn: ['START', 'UNSTOP', 'YES'],
  help: ['HELP', 'INFO'],
};

const LIST_OF: Record<keyof KeywordLists, Keyword> = { optOut: 'opt_out', optIn: 'opt_in', help: 'help' };

export interface DetectedKeyword {
  keyword: Keyword;
  /** The keyword as written, upper-cased (`STOP`), for the audit trail. */
  word: string;
}

/**
 * The compliance keyword a message is, if any: the whole body after trimming, case-insensitive.
 * A keyword inside a sentence ("please don't stop") is an ordinary message.
 */
export function detectKeyword(body: string, lists: KeywordLists = DEFAULT_KEYWORDS): DetectedKeyword | null {
  const word = body.trim().toUpperCase();
  if (!word) return null;
  for (const list of Object.keys(LIST_OF) as Array<keyof KeywordLists>) {
    if (lists[list].includes(word)) return { keyword: LIST_OF[list], word };
  }
  return null;
}
