import type { Connection, Model } from 'mongoose';
import { readCacheOf, type ReadCache } from '../cache/read-cache';
import { groupModel, type GroupRecord } from './group-model';

export type NewGroup = Omit<GroupRecord, '_id' | 'version'>;

/** The panels, inspector teams and committees, one record each with its policy kept whole. */
export class GroupBook {
  /** Exposed for saveChange, which claims the next version and audits the change. */
  readonly groups: Model<GroupRecord>;
  private readonly cache: ReadCache;

  constructor(connection: Connection) {
    this.groups = groupModel(connection);
    this.cache = readCacheOf(connection);
  }

  /** Fails with a duplicate-key error if the organisation already has a group of that name. */
  async create(group: NewGroup): Promise<GroupRecord> {
    return (await this.groups.create(group)).toObject();
  }

  /**
   * A group the caller already knows exists (the actor was authorised in it), in the
   * organisation when one is given; throws otherwise.
   */
  async get(id: string, organisationId?: string): Promise<GroupRecord> {
    const found = await this.byId(id);
    if (!found || (organisationId !== undefined && found.organisationId !== organisationId))
      throw new Error(
        `no group ${id}${organisationId === undefined ? '' : ` in ${organisationId}`}`,
      );
    return found;
  }

  /** The group with its policy (kept in memory for a short while: policies change rarely). */
  async byId(id: string): Promise<GroupRecord | null> {
    return this.cache.get('groups', `id:${id}`, () => this.groups.findById(id).lean<GroupRecord>());
  }

  /** The group, if it belongs to the organisation. */
  async inOrganisation(organisationId: string, id: string): Promise<GroupRecord | null> {
    const found = await this.byId(id);
    return found?.organisationId === organisationId ? found : null;
  }

  /** Those of the groups named that belong to the organisation. */
  async manyInOrganisation(organisationId: string, ids: string[]): Promise<GroupRecord[]> {
    return this.groups.find({ organisationId, _id: { $in: ids } }).lean<GroupRecord[]>();
  }

  /** The group working in the chat or channel, if one is bound to it. */
  async forConversation(
    organisationId: string,
    conversationId: string,
  ): Promise<GroupRecord | null> {
    return this.groups.findOne({ organisationId, conversationId }).lean<GroupRecord>();
  }

  /**
   * Only the id of the group working in the chat: read on every message and click, so the
   * policy, which can be long, is not fetched with it.
   */
  async idForConversation(
    organisationId: string,
    conversationId: string,
  ): Promise<string | undefined> {
    const found = await this.cache.get('groups', `chat:${organisationId}:${conversationId}`, () =>
      this.groups
        .findOne({ organisationId, conversationId })
        .select({ _id: 1 })
        .lean<Pick<GroupRecord, '_id'>>(),
    );
    return found?._id;
  }
}
