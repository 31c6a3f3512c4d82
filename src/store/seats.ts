import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError } from './connection';
import { defineModel, idField } from './model-registry';

/**
 * Caps ("at most 15 members", "at most 2 leaseholders", "at most 12 on any one inspection")
 * enforced without transactions: a capped pool has numbered seats, and a unique index on
 * (pool, seat) means two racing requests can never take the same seat, so the pool never
 * holds more than its capacity. A second unique index keeps one seat per holder.
 */
interface SeatRecord {
  _id: string;
  pool: string;
  seat: number;
  holderId: string;
  takenAt: Date;
}

const seatSchema = new Schema<SeatRecord>(
  {
    _id: idField,
    pool: { type: String, required: true },
    seat: { type: Number, required: true },
    holderId: { type: String, required: true },
    takenAt: { type: Date, required: true },
  },
  { collection: 'seats', versionKey: false },
);
seatSchema.index({ pool: 1, seat: 1 }, { unique: true });
seatSchema.index({ pool: 1, holderId: 1 }, { unique: true });

const seatModel = defineModel<SeatRecord>('Seat', seatSchema);

export type SeatClaim = { taken: true; seat: number } | { taken: false; reason: 'full' };

export class Seats {
  private readonly model: Model<SeatRecord>;

  constructor(connection: Connection) {
    this.model = seatModel(connection);
  }

  /** Takes a free seat for the holder (or returns the one they hold), unless all are taken. */
  async claim(pool: string, capacity: number, holderId: string, now: Date): Promise<SeatClaim> {
    for (;;) {
      const held = await this.model.findOne({ pool, holderId }).lean();
      if (held) return { taken: true, seat: held.seat };
      const taken = new Set(
        (await this.model.find({ pool }, { seat: 1 }).lean()).map((record) => record.seat),
      );
      const free = firstFree(taken, capacity);
      if (free === undefined) return { taken: false, reason: 'full' };
      try {
        await this.model.create({ pool, seat: free, holderId, takenAt: now });
        return { taken: true, seat: free };
      } catch (error) {
        // Someone took that seat (or this holder got one) a moment ago: look again.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  async release(pool: string, holderId: string): Promise<void> {
    await this.model.deleteOne({ pool, holderId });
  }

  async count(pool: string): Promise<number> {
    return this.model.countDocuments({ pool });
  }
}

function firstFree(taken: Set<number>, capacity: number): number | undefined {
  for (let seat = 1; seat <= capacity; seat += 1) if (!taken.has(seat)) return seat;
  return undefined;
}
