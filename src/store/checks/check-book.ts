import type { Connection, Model } from 'mongoose';
import {
  checkAssignmentModel,
  realityCheckModel,
  type CheckAssignmentRecord,
  type RealityCheckRecord,
} from './reality-check-model';

export type NewRealityCheck = Omit<RealityCheckRecord, '_id'>;
export type NewCheckAssignment = Omit<CheckAssignmentRecord, '_id' | 'version'>;

/** The reality checks and each assignee's part in them (one record per person per check). */
export class CheckBook {
  private readonly checks: Model<RealityCheckRecord>;
  /** Exposed for saveChange, which claims the next version and audits the change. */
  readonly assignments: Model<CheckAssignmentRecord>;

  constructor(connection: Connection) {
    this.checks = realityCheckModel(connection);
    this.assignments = checkAssignmentModel(connection);
  }

  /** A check by its reference, or by its id when no reference was given, in the organisation. */
  async find(
    organisationId: string,
    by: { reference: string } | { id: string },
  ): Promise<RealityCheckRecord | null> {
    return this.checks
      .findOne(
        'reference' in by
          ? { organisationId, reference: by.reference }
          : { organisationId, _id: by.id },
      )
      .lean<RealityCheckRecord>();
  }

  async assignmentsOf(checkId: string): Promise<CheckAssignmentRecord[]> {
    return this.assignments.find({ checkId }).lean<CheckAssignmentRecord[]>();
  }

  async create(check: NewRealityCheck): Promise<RealityCheckRecord> {
    return (await this.checks.create(check)).toObject();
  }

  /** Fails with a duplicate-key error if the person was already offered the check. */
  async createAssignment(assignment: NewCheckAssignment): Promise<CheckAssignmentRecord> {
    return (await this.assignments.create(assignment)).toObject();
  }

  /** The person's assignments still waiting on them: offered or accepted. */
  async openAssignmentsOf(
    organisationId: string,
    personId: string,
  ): Promise<CheckAssignmentRecord[]> {
    return this.assignments
      .find({ organisationId, personId, status: { $in: ['offered', 'accepted'] } })
      .lean<CheckAssignmentRecord[]>();
  }

  /** Whether any of the group's checks is offered to or accepted by someone, not yet submitted. */
  async anyUnderway(groupId: string): Promise<boolean> {
    const found = await this.assignments
      .findOne({ groupId, status: { $in: ['offered', 'accepted'] } })
      .select({ _id: 1 })
      .lean<Pick<CheckAssignmentRecord, '_id'>>();
    return found !== null;
  }

  async checksByIds(ids: string[]): Promise<RealityCheckRecord[]> {
    return this.checks.find({ _id: { $in: ids } }).lean<RealityCheckRecord[]>();
  }
}
