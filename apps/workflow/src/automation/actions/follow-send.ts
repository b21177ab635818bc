import type { ActionResultStatus } from '@app/rules';
import type { SendStatus } from '@app/contracts';
import type { Sql } from '@app/persistence';

/** A run result moved by its send's update. */
export interface FollowedSend {
  status: Exclude<ActionResultStatus, 'pending'>;
  reason: string | null;
  sendStatus: SendStatus;
  errorCode: string | null;
  sendId: string;
}

/** Where a run result stands before its send's update moves it. */
export interface FollowedFrom {
  status: ActionResultStatus;
  sendStatus: SendStatus | null;
}

/**
 * Moves one run result along with its send, as rule runs and routine items both do: reads where
 * it stands (the row of `table` that `where` finds with `params`), asks `next` where it goes, and
 * writes that guarded by the state it was read in; when a concurrent change won, it looks again.
 * `write` gets `params` then the move then the guard: status, reason, send status, error code,
 * send id, the status read, the send status read; it answers whether the guarded write took.
 * False when there is no such result.
 */
export async function moveWithSend(
  sql: Sql,
  result: { table: string; where: string; params: unknown[] },
  next: (current: FollowedFrom) => FollowedSend | null,
  write: (params: unknown[]) => Promise<boolean>,
): Promise<boolean> {
  for (;;) {
    const [current] = await sql.query<FollowedFrom>(
      `SELECT status, send_status AS "sendStatus" FROM ${result.table} WHERE ${result.where}`,
      result.params,
    );
    if (!current) return false;
    const moved = next(current);
    if (!moved) return true;
    const move = [moved.status, moved.reason, moved.sendStatus, moved.errorCode, moved.sendId];
    if (await write([...result.params, ...move, current.status, current.sendStatus])) return true;
  }
}
