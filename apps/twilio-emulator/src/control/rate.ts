/**
 * The most timestamps that fall in any window of `windowMs` (a timestamp t covers [t, t + windowMs)).
 * `ascending` must be sorted oldest first.
 */
export function maxInAnyWindow(ascending: readonly number[], windowMs = 1000): number {
  let best = 0;
  let first = 0;
  for (let last = 0; last < ascending.length; last++) {
    while (ascending[last] - ascending[first] >= windowMs) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}
