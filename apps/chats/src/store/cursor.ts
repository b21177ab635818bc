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

/** Where a page of the queue ended: the last chat's waiting time (milliseconds, as stored) and sequence. */
export interface WaitingCursor {
  since: Date;
  seq: string;
}

export function encodeWaitingCursor(c: WaitingCursor): string {
  return Buffer.from(`w:${c.since.getTime()}:${c.seq}`).toString('base64url');
}

export function decodeWaitingCursor(cursor: string | null): WaitingCursor | null {
  if (cursor === null) return null;
  const match = /^w:(\d{1,15}):(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new AppError(
      'invalid_input',
      'cursor: not a cursor from a previous page of the queue; pass nextCursor as given.',
    );
  return { since: new Date(Number(match[1])), seq: match[2] };
}
