import pLimit from 'p-limit';
import type { AfterAck } from './deps';

/**
 * How many commands and clicks do their work at once after being acknowledged. Slack is
 * answered at the ack and the work follows; without a bound, a burst (a whole panel voting in
 * the same minute) starts every piece of work together, each holding its records and cards in
 * memory while the database serves them all at once, and the acks of later requests queue
 * behind the garbage collector. With one, the burst waits its turn in order, and memory stays
 * flat. Sixteen keeps a database busy without crowding it.
 */
export const AFTER_ACK_CONCURRENCY = 16;

export function afterAckQueue(concurrency = AFTER_ACK_CONCURRENCY): AfterAck {
  const limit = pLimit(concurrency);
  return (work) => limit(work);
}
