import { AppError } from '@app/contracts';

/**
 * The row a workspace-scoped read found, else `not_found` naming what was asked for: an id of
 * another workspace answers the same as one that never existed.
 */
export function found<T>(row: T | null | undefined, what: string): T {
  if (row === null || row === undefined) throw AppError.notFound(what);
  return row;
}

/**
 * One page of a read that asked for one row more than `limit`: that extra row only tells that
 * another page follows, which starts after the cursor of the last row shown.
 */
export function pageOf<T>(
  rows: T[],
  limit: number,
  cursorOf: (last: T) => string | null,
): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]) : null };
}
