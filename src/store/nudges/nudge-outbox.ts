import type { Connection, Model } from 'mongoose';
import { insertNew } from '../connection';
import { updateIfUnchanged } from '../versioned-update';
import { nudgeModel, type NudgeRecord } from './nudge-model';

/** The reminders to send: written before anything is sent, then moved on one version at a time. */
export class NudgeOutbox {
  private readonly nudges: Model<NudgeRecord>;

  constructor(connection: Connection) {
    this.nudges = nudgeModel(connection);
  }

  /**
   * Queues the reminders, leaving any already queued as they are (the unique key on deadline,
   * stage and recipient); returns how many were new.
   */
  async queue(nudges: readonly NudgeRecord[]): Promise<number> {
    return insertNew(this.nudges, nudges);
  }

  /**
   * Reminders ready to go, longest waiting first: pending ones whose time has come, and ones
   * claimed for sending before `staleClaim` by an instance that never finished.
   */
  async ready(now: Date, staleClaim: Date, limit: number): Promise<NudgeRecord[]> {
    return this.nudges
      .find({
        $or: [
          { state: 'pending', nextAttemptAt: { $lte: now } },
          { state: 'sending', claimedAt: { $lte: staleClaim } },
        ],
      })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean<NudgeRecord[]>();
  }

  /** Reminders not yet accepted by a platform (waiting, or being sent), for the metrics. */
  async waiting(): Promise<number> {
    return this.nudges.countDocuments({ state: { $in: ['pending', 'sending'] } });
  }

  /** Saves `set` unless someone moved the reminder on meanwhile (the claim before a send). */
  async updateIfUnchanged(
    nudge: Pick<NudgeRecord, '_id' | 'version'>,
    set: Partial<NudgeRecord>,
  ): Promise<NudgeRecord | null> {
    return updateIfUnchanged(this.nudges, nudge._id, nudge.version, set);
  }
}
