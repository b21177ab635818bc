/** What a search text matches: a LIKE pattern for names and email, the digits for phone numbers. */
export interface MemberSearch {
  /** `%text%` with LIKE's wildcards escaped (use with `ESCAPE '\'`), for ILIKE. */
  pattern: string;
  /** `%digits%` when the text has at least 3 digits, else null. */
  phonePattern: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A person's search text as patterns; whitespace inside is kept (first and last name together). */
export function memberSearch(text: string): MemberSearch {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const digits = trimmed.replace(/\D/g, '');
  return {
    pattern: `%${escapeLike(trimmed)}%`,
    phonePattern: digits.length >= 3 && /^[\d\s()+.-]+$/.test(trimmed) ? `%${digits}%` : null,
  };
}
