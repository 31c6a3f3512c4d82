import type { Model, QueryFilter } from 'mongoose';
import { insertNew } from '../connection';
import { updateIfUnchanged } from '../versioned-update';

/** What every outbox record carries, whatever it sends (a reminder, a delivery). */
export interface OutboxItem {
  _id: string;
  state: string;
  /** Not before: a retry after a 429 or 5xx waits until then. */
  nextAttemptAt: Date;
  attempts: number;
  /** Set while one instance is sending it; a claim older than the send timeout is stale. */
  claimedAt?: Date;
  claimedBy?: string;
  version: number;
}

/**
 * The outbox pattern, once for every kind of message the bot sends on its own: records are
 * written before anything is sent, each moved on one version at a time, so of two instances
 * reading the same record only one claims it for sending.
 */
export class OutboxStore<T extends OutboxItem> {
  constructor(protected readonly model: Model<T>) {}

  /** Queues the records, leaving any already queued (by the model's unique key) as they are. */
  async queue(items: readonly T[]): Promise<number> {
    return insertNew(this.model, items);
  }

  /**
   * Records ready to go, longest waiting first: pending ones whose time has come, and ones
   * claimed for sending before `staleClaim` by an instance that never finished.
   */
  async ready(now: Date, staleClaim: Date, limit: number): Promise<T[]> {
    // Two reads, each led by an equality on the state: FerretDB v1 hands only equalities to
    // PostgreSQL, so one `$or` read would go through every record ever sent, on every sweep.
    const read = (filter: Record<string, unknown>) =>
      this.model
        .find(filter as QueryFilter<T>)
        .sort({ nextAttemptAt: 1, _id: 1 })
        .limit(limit)
        .lean<T[]>();
    const [pending, stale] = await Promise.all([
      read({ state: 'pending', nextAttemptAt: { $lte: now } }),
      read({ state: 'sending', claimedAt: { $lte: staleClaim } }),
    ]);
    return [...pending, ...stale]
      .sort((a, b) => timeOf(a) - timeOf(b) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
      .slice(0, limit);
  }

  /** Records not yet accepted by a platform (waiting, or being sent), for the metrics. */
  async waiting(): Promise<number> {
    const count = (state: string) => this.model.countDocuments({ state } as QueryFilter<T>);
    const [pending, sending] = await Promise.all([count('pending'), count('sending')]);
    return pending + sending;
  }

  /** Saves `set` unless someone moved the record on meanwhile (the claim before a send). */
  async updateIfUnchanged(item: Pick<T, '_id' | 'version'>, set: Partial<T>): Promise<T | null> {
    return updateIfUnchanged(this.model, item._id, item.version, set);
  }
}

function timeOf(item: OutboxItem): number {
  return new Date(item.nextAttemptAt).getTime();
}
