import type { Connection, Model } from 'mongoose';
import type { Role } from '../../domain/shared/people';
import { membershipModel, type MembershipRecord } from './membership-model';

export type NewMembership = Omit<MembershipRecord, '_id' | 'version'>;

/** Who is in which group: one membership per person per group, kept after they leave it. */
export class MembershipRoll {
  /** Exposed for saveChange, which claims the next version and audits the change. */
  readonly memberships: Model<MembershipRecord>;

  constructor(connection: Connection) {
    this.memberships = membershipModel(connection);
  }

  /** Fails with a duplicate-key error if the person already has a membership of the group. */
  async create(membership: NewMembership): Promise<MembershipRecord> {
    return (await this.memberships.create(membership)).toObject();
  }

  /**
   * The person's membership of the group, whatever its status; with `organisationId`, only if
   * it belongs to that organisation.
   */
  async of(
    groupId: string,
    personId: string,
    organisationId?: string,
  ): Promise<MembershipRecord | null> {
    return this.memberships
      .findOne({ groupId, personId, ...(organisationId === undefined ? {} : { organisationId }) })
      .lean<MembershipRecord>();
  }

  /** Whether the person has, or had, a membership of the group. */
  async exists(groupId: string, personId: string): Promise<boolean> {
    return (await this.memberships.countDocuments({ groupId, personId })) > 0;
  }

  /** The memberships of the group the people named hold, whatever their status. */
  async ofPeople(groupId: string, personIds: string[]): Promise<MembershipRecord[]> {
    return this.memberships
      .find({ groupId, personId: { $in: personIds } })
      .lean<MembershipRecord[]>();
  }

  /** Every membership of the group, including those suspended, barred or withdrawn. */
  async ofGroup(groupId: string): Promise<MembershipRecord[]> {
    return this.memberships.find({ groupId }).lean<MembershipRecord[]>();
  }

  /** Every membership the person holds in the organisation, whatever its status. */
  async ofPerson(organisationId: string, personId: string): Promise<MembershipRecord[]> {
    return this.memberships.find({ organisationId, personId }).lean<MembershipRecord[]>();
  }

  /** The ids of everyone in the group who has not left it (suspended and barred still count). */
  async notWithdrawn(organisationId: string, groupId: string): Promise<string[]> {
    const found = await this.memberships
      .find({ organisationId, groupId, 'status.kind': { $ne: 'withdrawn' } })
      .select({ personId: 1 })
      .lean<Array<Pick<MembershipRecord, 'personId'>>>();
    return found.map((m) => m.personId);
  }

  /** The ids of the group's active members holding any of the roles. */
  async activeWithRoles(groupId: string, roles: readonly Role[]): Promise<string[]> {
    const found = await this.memberships
      .find({ groupId, roles: { $in: roles }, 'status.kind': 'active' })
      .select({ personId: 1 })
      .lean<Array<Pick<MembershipRecord, 'personId'>>>();
    return found.map((m) => m.personId);
  }

  /** Those of the people named who are active members of the group. */
  async activeAmong(groupId: string, personIds: string[]): Promise<string[]> {
    const found = await this.memberships
      .find({ groupId, personId: { $in: personIds }, 'status.kind': 'active' })
      .select({ personId: 1 })
      .lean<Array<Pick<MembershipRecord, 'personId'>>>();
    return found.map((m) => m.personId);
  }

  /** Whether the person is in any group they have not left. */
  async inAnyGroup(personId: string): Promise<boolean> {
    const count = await this.memberships.countDocuments({
      personId,
      'status.kind': { $ne: 'withdrawn' },
    });
    return count > 0;
  }

  /** Whether the person chairs any group, actively. */
  async chairsAnyGroup(personId: string): Promise<boolean> {
    const count = await this.memberships.countDocuments({
      personId,
      roles: 'chair',
      'status.kind': 'active',
    });
    return count > 0;
  }

  /**
   * Memberships not yet withdrawn whose term ended before `day`, across organisations: the
   * caller decides each against its organisation's own today.
   */
  async termEndedBefore(day: string): Promise<MembershipRecord[]> {
    return this.memberships
      .find({
        termEndsOn: { $lt: day },
        'status.kind': { $in: ['active', 'suspended', 'barred'] },
      })
      .lean<MembershipRecord[]>();
  }

  /** Every barred membership, across organisations, for the scheduler to lift ended bars. */
  async barred(): Promise<MembershipRecord[]> {
    return this.memberships.find({ 'status.kind': 'barred' }).lean<MembershipRecord[]>();
  }
}
