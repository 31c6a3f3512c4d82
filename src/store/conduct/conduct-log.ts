import type { Connection, Model } from 'mongoose';
import {
  conductEventModel,
  type ConductEventKind,
  type ConductEventRecord,
} from './conduct-event-model';

export type NewConductEvent = Omit<ConductEventRecord, '_id'>;

/** Each member's conduct case in a group, step by step; appended to, never changed. */
export class ConductLog {
  private readonly events: Model<ConductEventRecord>;

  constructor(connection: Connection) {
    this.events = conductEventModel(connection);
  }

  /** Fails with a duplicate-key error if the step's key is taken (a warning given meanwhile). */
  async append(event: NewConductEvent): Promise<ConductEventRecord> {
    return (await this.events.create(event)).toObject();
  }

  /** The member's steps in the group, oldest first, of one kind if given. */
  async of(
    groupId: string,
    subjectId: string,
    kind?: ConductEventKind,
  ): Promise<ConductEventRecord[]> {
    // Steps recorded in the same millisecond (or under a test's fixed clock) tie on `at`; without
    // a tie-break the order is the backend's (PostgreSQL's heap order is not insertion order).
    // ObjectId ids grow in creation order within a process.
    return this.events
      .find({ groupId, subjectId, ...(kind ? { kind } : {}) })
      .sort({ at: 1, _id: 1 })
      .lean<ConductEventRecord[]>();
  }

  async warningsAt(groupId: string, subjectId: string, meetingOn: string): Promise<number> {
    return this.events.countDocuments({ groupId, subjectId, kind: 'warned', meetingOn });
  }
}
