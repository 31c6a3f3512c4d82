import type { Connection, Model } from 'mongoose';
import { readCacheOf, type ReadCache } from '../cache/read-cache';
import { isDuplicateKeyError } from '../connection';
import { personModel, type PersonRecord } from './person-model';

export type NewPerson = Omit<PersonRecord, '_id' | 'version'>;

/** The people of each organisation, one record each, found by id or by their chat user. */
export class PersonBook {
  /** Exposed for saveChange, which claims the next version and audits the change. */
  readonly people: Model<PersonRecord>;
  private readonly cache: ReadCache;

  constructor(connection: Connection) {
    this.people = personModel(connection);
    this.cache = readCacheOf(connection);
  }

  /**
   * Puts the chat user on record, or returns the person someone put on record for them at the
   * same moment: the unique index settles the race.
   */
  async enrol(person: NewPerson): Promise<{ created: boolean; person: PersonRecord }> {
    try {
      const created = await this.people.create(person);
      return { created: true, person: created.toObject() };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.people
        .findOne({ organisationId: person.organisationId, platformUserId: person.platformUserId })
        .lean<PersonRecord>()
        .orFail();
      return { created: false, person: existing };
    }
  }

  /** A person the caller already knows exists (read back to change it); throws otherwise. */
  async get(id: string): Promise<PersonRecord> {
    return this.people.findById(id).lean<PersonRecord>().orFail();
  }

  /** The person, if they belong to the organisation. */
  async inOrganisation(organisationId: string, id: string): Promise<PersonRecord | null> {
    return this.people.findOne({ _id: id, organisationId }).lean<PersonRecord>();
  }

  /** Those of the people named who belong to the organisation. */
  async manyInOrganisation(organisationId: string, ids: string[]): Promise<PersonRecord[]> {
    return this.people.find({ _id: { $in: ids }, organisationId }).lean<PersonRecord[]>();
  }

  async byPlatformUser(
    organisationId: string,
    platformUserId: string,
  ): Promise<PersonRecord | null> {
    return this.cache.get('people', `user:${organisationId}:${platformUserId}`, () =>
      this.people.findOne({ organisationId, platformUserId }).lean<PersonRecord>(),
    );
  }

  /**
   * The name and the chat id the platform reports are the platform's, not a decision anyone
   * made, so they are put right in place: no version, no audit entry.
   */
  async correctDisplayName(id: string, displayName: string): Promise<void> {
    await this.people.updateOne({ _id: id }, { displayName });
  }

  async correctChatUserId(id: string, chatUserId: string): Promise<void> {
    await this.people.updateOne({ _id: id }, { chatUserId });
  }

  /** A configured bootstrap officer: moved on a version, audited by the caller. */
  async makeBootstrapOfficer(id: string): Promise<void> {
    await this.people.updateOne({ _id: id }, { isOfficer: true, $inc: { version: 1 } });
  }

  /** The person's display name, if they are still on record. */
  async nameOf(id: string): Promise<string | undefined> {
    const person = await this.people
      .findById(id)
      .select({ displayName: 1 })
      .lean<Pick<PersonRecord, '_id' | 'displayName'> | null>();
    return person?.displayName;
  }

  /** Display names by id, reading only the names; people no longer on record are missing. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const people = await this.people
      .find({ _id: { $in: ids } })
      .select({ displayName: 1 })
      .lean<Array<Pick<PersonRecord, '_id' | 'displayName'>>>();
    return new Map(people.map((p) => [p._id, p.displayName]));
  }

  /**
   * The chat ids (a Teams card's refresh list) and names of those of the people named who are
   * on record, reading only those two fields.
   */
  async chatIdsAndNamesOf(
    ids: string[],
  ): Promise<Array<Pick<PersonRecord, '_id' | 'chatUserId' | 'displayName'>>> {
    // The same people on every click of a ballot's card, so kept like the speaker.
    return this.cache.get('people', `chat-names:${ids.join(',')}`, () =>
      this.people
        .find({ _id: { $in: ids } })
        .select({ chatUserId: 1, displayName: 1 })
        .lean<Array<Pick<PersonRecord, '_id' | 'chatUserId' | 'displayName'>>>(),
    );
  }

  /** The ids of the organisation's officers. */
  async officersOf(organisationId: string): Promise<string[]> {
    const officers = await this.people
      .find({ organisationId, isOfficer: true })
      .select({ _id: 1 })
      .lean<Array<Pick<PersonRecord, '_id'>>>();
    return officers.map((o) => o._id);
  }

  /**
   * The platform user ids of the people named and of every officer of the organisation, in one
   * read (officers may read what is for any group's eyes).
   */
  async platformUserIdsWithOfficers(organisationId: string, ids: string[]): Promise<Set<string>> {
    const people = await this.people
      .find({ organisationId, $or: [{ _id: { $in: ids } }, { isOfficer: true }] })
      .select({ platformUserId: 1 })
      .lean<Array<Pick<PersonRecord, '_id' | 'platformUserId'>>>();
    return new Set(people.map((p) => p.platformUserId));
  }
}
