import { Schema, type Connection } from 'mongoose';
import { isDuplicateKeyError } from '../connection';
import { defineModel } from '../model-registry';

interface SweepLeaseRecord {
  /** `<job>:<slot length>:<slot start ISO>`: one per job per slot. */
  _id: string;
  holder: string;
  takenAt: Date;
}

const leaseSchema = new Schema<SweepLeaseRecord>(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    takenAt: { type: Date, required: true, index: true },
  },
  { collection: 'sweep_leases', versionKey: false },
);
const leaseModel = defineModel<SweepLeaseRecord>('SweepLease', leaseSchema);

/**
 * One sweep at a time across every bot instance. The lease is a record per time slot, taken by
 * inserting it: the unique _id decides between instances on every server we support (FerretDB v1
 * does not isolate conditional updates, so "update where expired" could let two win). A holder
 * that dies simply leaves its slot; the next slot is free for whoever comes first.
 */
export class SweepLease {
  constructor(
    private readonly db: Connection,
    private readonly job: string,
    private readonly slotMs: number,
  ) {}

  slotOf(now: Date): string {
    const start = Math.floor(now.getTime() / this.slotMs) * this.slotMs;
    return `${this.job}:${this.slotMs}:${new Date(start).toISOString()}`;
  }

  /** True when this instance holds the slot `now` falls in. */
  async take(holder: string, now: Date): Promise<boolean> {
    try {
      await leaseModel(this.db).create({ _id: this.slotOf(now), holder, takenAt: now });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Old slots are kept a day for the record, then removed by the sweep itself. */
  async prune(before: Date): Promise<void> {
    await leaseModel(this.db).deleteMany({ takenAt: { $lt: before } });
  }
}
