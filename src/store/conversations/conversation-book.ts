import type { Connection, Model } from 'mongoose';
import { readCacheOf, type ReadCache } from '../cache/read-cache';
import { isDuplicateKeyError } from '../connection';
import {
  conversationModel,
  type ConversationRecord,
  type ConversationScope,
} from './conversation-model';

export interface RememberedConversation {
  organisationId: string;
  platform: 'teams' | 'slack';
  conversationId: string;
  scope: ConversationScope;
  personId?: string;
  reference: Record<string, unknown>;
}

/** The conversations the bot may message proactively. */
export class ConversationBook {
  private readonly model: Model<ConversationRecord>;
  private readonly cache: ReadCache;

  constructor(connection: Connection) {
    this.model = conversationModel(connection);
    this.cache = readCacheOf(connection);
  }

  /**
   * Stores or refreshes a conversation (its service URL can move); a retired one comes back
   * when the bot is added again. A reference is a pointer, not a decision, so last write wins.
   */
  async remember(conversation: RememberedConversation, at: Date): Promise<void> {
    const key = { platform: conversation.platform, conversationId: conversation.conversationId };
    const fields = { ...conversation, storedAt: at };
    try {
      await this.model.updateOne(
        key,
        { $set: fields, $unset: { retiredAt: '' } },
        { upsert: true },
      );
    } catch (error) {
      // Two first messages racing both upsert; the loser's write is the same pointer.
      if (!isDuplicateKeyError(error)) throw error;
      await this.model.updateOne(key, { $set: fields, $unset: { retiredAt: '' } });
    }
  }

  async retire(platform: 'teams' | 'slack', conversationId: string, at: Date): Promise<void> {
    await this.model.updateOne({ platform, conversationId }, { $set: { retiredAt: at } });
  }

  async byConversation(
    platform: 'teams' | 'slack',
    conversationId: string,
  ): Promise<ConversationRecord | undefined> {
    // Read on every message to see whether its reference moved; kept in memory for a while.
    const found = await this.cache.get('conversations', `${platform}:${conversationId}`, () =>
      this.model
        .findOne({ platform, conversationId, retiredAt: { $exists: false } })
        .lean<ConversationRecord>(),
    );
    return found ?? undefined;
  }

  /** The person's personal chat with the bot, if it has one. */
  async personalChatOf(
    organisationId: string,
    personId: string,
  ): Promise<ConversationRecord | undefined> {
    const found = await this.model
      .findOne({
        organisationId,
        personId,
        scope: 'personal',
        retiredAt: { $exists: false },
      })
      .sort({ storedAt: -1 })
      .lean<ConversationRecord>();
    return found ?? undefined;
  }

  /** Any live conversation of the organisation on the platform, for its service URL. */
  async anyIn(
    organisationId: string,
    platform: 'teams' | 'slack',
  ): Promise<ConversationRecord | undefined> {
    const found = await this.model
      .findOne({ organisationId, platform, retiredAt: { $exists: false } })
      .sort({ storedAt: -1 })
      .lean<ConversationRecord>();
    return found ?? undefined;
  }
}
