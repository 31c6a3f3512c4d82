import type { Connection, Model } from 'mongoose';
import { readCacheOf, type ReadCache } from '../cache/read-cache';
import { isDuplicateKeyError } from '../connection';
import { organisationModel, type OrganisationRecord, type Platform } from './organisation-model';

export type NewOrganisation = Omit<OrganisationRecord, '_id'>;

/** The landlords: one record per Teams tenant or Slack workspace. */
export class OrganisationBook {
  private readonly organisations: Model<OrganisationRecord>;
  private readonly cache: ReadCache;

  constructor(connection: Connection) {
    this.organisations = organisationModel(connection);
    this.cache = readCacheOf(connection);
  }

  /**
   * Registers the tenant or workspace, or returns the organisation someone registered for it
   * at the same moment: the unique index settles the race.
   */
  async register(
    organisation: NewOrganisation,
  ): Promise<{ created: boolean; organisation: OrganisationRecord }> {
    try {
      const created = await this.organisations.create(organisation);
      return { created: true, organisation: created.toObject() };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.organisations
        .findOne({
          platform: organisation.platform,
          platformTenantId: organisation.platformTenantId,
        })
        .lean<OrganisationRecord>()
        .orFail();
      return { created: false, organisation: existing };
    }
  }

  async byTenant(tenant: {
    platform: Platform;
    platformTenantId: string;
  }): Promise<OrganisationRecord | null> {
    const key = `tenant:${tenant.platform}:${tenant.platformTenantId}`;
    return this.cache.get('organisations', key, () =>
      this.organisations
        .findOne({ platform: tenant.platform, platformTenantId: tenant.platformTenantId })
        .lean<OrganisationRecord>(),
    );
  }

  /** The organisation, if there is one by that id (kept in memory for a short while). */
  async byId(id: string): Promise<OrganisationRecord | null> {
    return this.cache.get('organisations', `id:${id}`, () =>
      this.organisations.findById(id).lean<OrganisationRecord>(),
    );
  }

  /** An organisation the caller already knows exists (the actor belongs to it); throws otherwise. */
  async get(id: string): Promise<OrganisationRecord> {
    const found = await this.byId(id);
    if (!found) throw new Error(`no organisation ${id}`);
    return found;
  }

  /** The platform it runs on. */
  async platformOf(id: string): Promise<Platform | undefined> {
    return (await this.byId(id))?.platform;
  }

  /** Its time zone. */
  async timeZoneOf(id: string): Promise<string | undefined> {
    return (await this.byId(id))?.timeZone;
  }

  /** Every organisation's id, for the jobs that go round them all. */
  async allIds(): Promise<string[]> {
    const found = await this.organisations
      .find({})
      .select({ _id: 1 })
      .lean<Array<Pick<OrganisationRecord, '_id'>>>();
    return found.map((o) => o._id);
  }
}
