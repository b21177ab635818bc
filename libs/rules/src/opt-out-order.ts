/**
 * Where a STOP or START sits in the member's own history: ingress's receipt time of Twilio's
 * webhook (`receivedAt`), then the INBOUND stream sequence for messages in the same millisecond.
 * Twilio's webhook carries no timestamp of its own, and the receipt time is in the payload, so it
 * survives a replay or a recreated stream (which restarts sequences); the sequence alone breaks
 * ties and makes a redelivery an exact duplicate. A person's change through the api is "now".
 */
export interface SourcePosition {
  at: Date;
  seq: number;
}

/** Negative when `a` came before `b`, 0 for the same message, positive after. */
export function compareSourcePositions(a: SourcePosition, b: SourcePosition): number {
  return a.at.getTime() - b.at.getTime() || a.seq - b.seq;
}

/** The newer of two positions; a missing one is older than any. */
export function newestPosition(
  ...positions: Array<SourcePosition | null | undefined>
): SourcePosition | null {
  let newest: SourcePosition | null = null;
  for (const p of positions) if (p && (!newest || compareSourcePositions(p, newest) > 0)) newest = p;
  return newest;
}

/**
 * What a STOP/START does, given the last one applied:
 * - `apply`: newer and it changes the state;
 * - `advance`: newer, the member already had that state; only the position moves on (so a STOP
 *   delivered after a newer START, which changed nothing, still cannot opt them out);
 * - `duplicate`: the very message applied last (a redelivery); nothing happens;
 * - `ignore`: older than the last one applied; the state stays, the history says it was ignored.
 * A member with no position yet (before this rule, or never opted out) takes any message.
 */
export type OptOutOrderDecision = 'apply' | 'advance' | 'duplicate' | 'ignore';

export function decideOptOutOrder(
  current: { optedOut: boolean; position: SourcePosition | null },
  incoming: { optedOut: boolean; position: SourcePosition },
): OptOutOrderDecision {
  const order = current.position ? compareSourcePositions(incoming.position, current.position) : 1;
  if (order === 0) return 'duplicate';
  if (order < 0) return 'ignore';
  return incoming.optedOut === current.optedOut ? 'advance' : 'apply';
}
