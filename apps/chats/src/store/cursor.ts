import { AppError } from '@app/contracts';

/**
 * Page cursors are the insertion sequence of the last row shown, opaque to callers. A cursor
 * that is not one of ours is the caller's mistake, said plainly.
 */
export function encodeCursor(seq: string): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string | null): string | null {
  if (cursor === null) return null;
  const match = /^s:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new AppError(
      'invalid_input',
      'cursor: not a cursor from a previous page; pass nextCursor as given.',
    );
  return match[1];
}
