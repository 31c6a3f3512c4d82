import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

interface DeliveryScope {
  /** The platform's id for the delivery being handled (see InboundLedger). */
  deliveryId: string;
  /** An ObjectId made when the delivery was first claimed, kept with the claim. */
  seed: string;
  /** True when this run takes over a delivery whose first run died part-way. */
  replay: boolean;
  issued: number;
}

const scopes = new AsyncLocalStorage<DeliveryScope>();

/**
 * Runs the handling of one inbound delivery so that every record it creates gets an id derived
 * from the delivery's id and the order of creation, not a random one. A second run of the same
 * delivery (after the first died with its process) makes the same ids in the same order as far
 * as the first run got: if the first wrote nothing, the second does the work; if it wrote
 * something, the second's first write meets it, and stops (FirstRunWroteError).
 */
export function inDeliveryScope<T>(
  delivery: { id: string; seed: string; replay: boolean },
  work: () => Promise<T>,
): Promise<T> {
  return scopes.run(
    { deliveryId: delivery.id, seed: delivery.seed, replay: delivery.replay, issued: 0 },
    work,
  );
}

/**
 * Runs work outside any delivery's scope. Work queued behind a limit (p-limit) runs in the
 * async context of whatever finished before it, which may be another delivery's: work that is
 * not itself a delivery's must leave that scope explicitly, or its records would take their ids
 * from the other delivery's seed.
 */
export function outsideDeliveryScope<T>(work: () => Promise<T>): Promise<T> {
  return scopes.exit(work);
}

/** The next id of the current delivery, or undefined outside one. */
export function nextDeliveryId(): string | undefined {
  const scope = scopes.getStore();
  if (!scope) return undefined;
  scope.issued += 1;
  // 24 hex digits, the shape of every other id, and in the order ObjectIds would have had: the
  // claim's second and counter (later deliveries sort later, as records made by them would), then
  // the record's place in the delivery, then a hash of the delivery's id to keep instances apart.
  const second = scope.seed.slice(0, 8);
  const counter = scope.seed.slice(18, 24);
  const place = (scope.issued & 0xffff).toString(16).padStart(4, '0');
  const apart = createHash('sha256').update(scope.deliveryId).digest('hex').slice(0, 6);
  return `${second}${counter}${place}${apart}`;
}

/**
 * An id made outside any delivery, from a fresh ObjectId's parts laid out as a delivery's ids are
 * (its second, its counter, then what keeps processes apart): ids one process makes within a
 * second then sort in the order they were made, whether a delivery's seed made them or not, and
 * records written in the same millisecond keep their order under a sort by time and `_id`.
 */
export function unscopedId(objectId: string): string {
  return `${objectId.slice(0, 8)}${objectId.slice(18, 24)}${objectId.slice(8, 18)}`;
}

/** True inside a run that takes over a delivery whose first run died part-way. */
export function isReplay(): boolean {
  return scopes.getStore()?.replay ?? false;
}

/**
 * Thrown in a second run that finds a record the first run wrote. The second run stops there:
 * having read what the first wrote, it could no longer tell what the first would have done (a
 * warning it gave would read as one given before), so it does nothing rather than act twice.
 */
export class FirstRunWroteError extends Error {
  constructor() {
    super('this delivery was partly handled by a run that died; it is not handled again');
    this.name = 'FirstRunWroteError';
  }
}
