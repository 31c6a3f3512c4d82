import type { Connection, Model } from 'mongoose';
import type { LocalDate } from '../../domain/calendar/local-date';
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

  /**
   * Whether one of the group's inspections is running on the given local date: a check at least
   * one inspector has accepted and not yet submitted findings for, created by then and not past
   * its due date. An offer nobody has accepted yet is not an inspection under way (Southampton TI
   * ToR: "New members can only join in-between inspections").
   */
  async anyUnderway(groupId: string, on: { today: LocalDate; now: Date }): Promise<boolean> {
    const accepted = await this.assignments
      .find({ groupId, status: 'accepted' })
      .select({ checkId: 1 })
      .lean<Pick<CheckAssignmentRecord, 'checkId'>[]>();
    if (accepted.length === 0) return false;
    const checkIds = [...new Set(accepted.map((a) => a.checkId))];
    const running = await this.checks
      .findOne({
        _id: { $in: checkIds },
        groupId,
        createdAt: { $lte: on.now },
        dueOn: { $gte: on.today },
      })
      .select({ _id: 1 })
      .lean<Pick<RealityCheckRecord, '_id'>>();
    return running !== null;
  }

  async checksByIds(ids: string[]): Promise<RealityCheckRecord[]> {
    // Most people asking `mine` have no checks: no round trip to learn that none match.
    if (ids.length === 0) return [];
    return this.checks.find({ _id: { $in: ids } }).lean<RealityCheckRecord[]>();
  }
}
