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

/**
 * How many at once while requests are still waiting for their ack. Slack gives up on an ack
 * after 3 s and the work has 30 minutes (its response URL), so the acks go first: an ack waits
 * for its claim's insert (see delivery-claim), and at 200 clients sixteen pieces of work beside
 * it kept that insert waiting for seconds. Not none, so a steady stream still moves the work.
 */
export const WHILE_ACKING_CONCURRENCY = 2;

/** Slack requests received and not yet acknowledged, counted by the receiver. */
export class AcksInFlight {
  private count = 0;
  private readonly listeners = new Set<() => void>();

  get pending(): number {
    return this.count;
  }

  /** A request has arrived; the function returned marks it answered (once, however often called). */
  begin(): () => void {
    this.count += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.count -= 1;
      if (this.count === 0) for (const listener of this.listeners) listener();
    };
  }

  /** Called each time the last request waiting for its ack has it. */
  onNoneWaiting(listener: () => void): void {
    this.listeners.add(listener);
  }
}

/**
 * Runs work in the order it was queued, AFTER_ACK_CONCURRENCY at a time, or
 * WHILE_ACKING_CONCURRENCY while `acks` has requests waiting for theirs. Not p-limit: the
 * CommonJS release this project can load (3.x) has a limit fixed at creation.
 */
export function afterAckQueue(
  acks?: AcksInFlight,
  concurrency = AFTER_ACK_CONCURRENCY,
  whileAcking = WHILE_ACKING_CONCURRENCY,
): AfterAck {
  const waiting: Array<() => void> = [];
  let running = 0;
  const limit = () => (acks && acks.pending > 0 ? whileAcking : concurrency);
  const startWhatMay = () => {
    while (running < limit()) {
      const next = waiting.shift();
      if (!next) return;
      running += 1;
      next();
    }
  };
  acks?.onNoneWaiting(startWhatMay);
  return <T>(work: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        Promise.resolve()
          .then(work)
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            startWhatMay();
          });
      });
      startWhatMay();
    });
}
