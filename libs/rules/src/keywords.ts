/** What a compliance keyword does. */
export const KEYWORDS = ['opt_out', 'opt_in', 'help'] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** A number's keyword lists, by what they do. */
export interface KeywordLists {
  optOut: readonly string[];
  optIn: readonly string[];
  help: readonly string[];
}
export const KEYWORD_LISTS = ['optOut', 'optIn', 'help'] as const satisfies ReadonlyArray<keyof KeywordLists>;

/** Twilio's Advanced Opt-Out defaults, plus OPTOUT and REVOKE (the FCC's 2025 revocation rules). */
export const DEFAULT_KEYWORDS: KeywordLists = {
  optOut: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'],
  optIn: ['START', 'UNSTOP', 'YES'],
  help: ['HELP', 'INFO'],
};

/** A fresh, editable copy of the default lists. */
export function defaultKeywordLists(): { optOut: string[]; optIn: string[]; help: string[] } {
  return {
    optOut: [...DEFAULT_KEYWORDS.optOut],
    optIn: [...DEFAULT_KEYWORDS.optIn],
    help: [...DEFAULT_KEYWORDS.help],
  };
}

/** Carriers require STOP to work on every number: a number's opt-out list always has it. */
export const REQUIRED_OPT_OUT = 'STOP';
export const MAX_KEYWORDS_PER_LIST = 20;

const KEYWORD_OF: Record<keyof KeywordLists, Keyword> = { optOut: 'opt_out', optIn: 'opt_in', help: 'help' };

/** Longer than any keyword can be: such a message is never normalised or compared. */
const MAX_BODY = 100;

/**
 * A message, or a list entry, as keywords are compared: Unicode-normalised (NFKC, so full-width
 * and compatibility forms read as their plain letters), punctuation removed, inner spaces
 * collapsed, trimmed, upper case. "Stop!", " ｓｔｏｐ " and "stop." all read STOP; "opt-out"
 * reads OPTOUT.
 */
export function normaliseKeyword(text: string): string {
  return text.normalize('NFKC').replace(/\p{P}/gu, '').replace(/\s+/gu, ' ').trim().toUpperCase();
}

export interface DetectedKeyword {
  keyword: Keyword;
  /** The keyword as the number's list has it (`STOP`), for the audit trail. */
  word: string;
}

/**
 * The compliance keyword a message is, if any: the whole message is the keyword. A keyword
 * inside a sentence ("please don't stop") is an ordinary message.
 */
export function detectKeyword(body: string, lists: KeywordLists = DEFAULT_KEYWORDS): DetectedKeyword | null {
  if (body.length > MAX_BODY) return null;
  const word = normaliseKeyword(body);
  if (!word) return null;
  for (const list of KEYWORD_LISTS) {
    if (lists[list].some((entry) => normaliseKeyword(entry) === word))
      return { keyword: KEYWORD_OF[list], word };
  }
  return null;
}

/**
 * What a detected keyword does for this sender: opt-in words (START, YES...) act only for a
 * sender who is opted out; from anyone else "Yes" is an answer, and goes to the workflow.
 */
export function actingKeyword(
  detected: DetectedKeyword | null,
  senderOptedOut: boolean,
): DetectedKeyword | null {
  if (detected?.keyword === 'opt_in' && !senderOptedOut) return null;
  return detected;
}

/** A repeated STOP (the sender was already opted out) is acknowledged at most this often. */
export const REPEATED_STOP_ACK_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a keyword gets its confirmation: HELP always; STOP and START when they changed the
 * sender's state (once per change); a STOP that changed nothing only when the last
 * acknowledgement of a STOP from that phone is a day old or more.
 */
export function confirmsKeyword(
  keyword: Keyword,
  facts: { changed: boolean; lastAckAt: Date | null; now: Date },
): boolean {
  if (keyword === 'help' || facts.changed) return true;
  if (keyword !== 'opt_out') return false;
  return facts.lastAckAt === null || facts.now.getTime() - facts.lastAckAt.getTime() >= REPEATED_STOP_ACK_MS;
}

/** A number's lists after an edit: each list given replaces the current one; null restores the defaults. */
export function editKeywordLists(current: KeywordLists, edit: Partial<KeywordLists> | null): KeywordLists {
  return edit === null ? defaultKeywordLists() : { ...current, ...edit };
}

/**
 * A number's lists as an operator edits them, checked and normalised: each entry a word or short
 * phrase, no list longer than MAX_KEYWORDS_PER_LIST, no word in two lists, STOP always an opt-out
 * word. Answers the lists to store, or the problem naming the field (`rule` for STOP missing).
 */
export function checkKeywordLists(
  lists: KeywordLists,
): { ok: true; lists: KeywordLists } | { ok: false; field: string; problem: string; rule?: true } {
  const seen = new Map<string, keyof KeywordLists>();
  const out: Record<keyof KeywordLists, string[]> = { optOut: [], optIn: [], help: [] };
  for (const list of KEYWORD_LISTS) {
    if (lists[list].length > MAX_KEYWORDS_PER_LIST)
      return { ok: false, field: `keywords.${list}`, problem: `at most ${MAX_KEYWORDS_PER_LIST} keywords` };
    for (const [i, entry] of lists[list].entries()) {
      const word = normaliseKeyword(entry);
      const field = `keywords.${list}.${i}`;
      if (!/^[\p{L}\p{N} ]{1,30}$/u.test(word))
        return { ok: false, field, problem: 'a keyword is 1 to 30 letters, digits or spaces' };
      const other = seen.get(word);
      if (other && other !== list)
        return { ok: false, field, problem: `${word} is already in keywords.${other}` };
      if (!other) out[list].push(word);
      seen.set(word, list);
    }
  }
  if (!out.optOut.includes(REQUIRED_OPT_OUT))
    return {
      ok: false,
      field: 'keywords.optOut',
      problem: `must include ${REQUIRED_OPT_OUT} (carriers require it on every number)`,
      rule: true,
    };
  return { ok: true, lists: out };
}
