/** What a person is told when the database cannot be reached: short, and nothing was changed. */
export const TRY_AGAIN_TEXT =
  'I can’t reach the scrutiny records just now, so nothing was changed. Please try again in a moment.';

/** The MongoDB driver's ways of saying the server is not there (not a bad query). */
const UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
]);

/** True when `error` (or what caused it) means the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string' && UNAVAILABLE.has(name)) return true;
    e =
      (e as { cause?: unknown; original?: unknown }).cause ??
      (e as { original?: unknown }).original;
  }
  return false;
}
