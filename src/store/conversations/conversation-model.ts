import { Schema } from 'mongoose';
import { clearedOnWrite } from '../cache/read-cache';
import { defineModel, idField } from '../model-registry';

export const CONVERSATION_SCOPES = ['personal', 'groupChat', 'channel'] as const;
export type ConversationScope = (typeof CONVERSATION_SCOPES)[number];

/**
 * Where the bot can speak later without being spoken to: a Teams conversation reference or a
 * Slack channel or DM. Stored when the bot is installed or first messaged, retired (kept, marked)
 * when it is removed, so a proactive message never goes to a chat the bot has left.
 */
export interface ConversationRecord {
  _id: string;
  organisationId: string;
  platform: 'teams' | 'slack';
  conversationId: string;
  scope: ConversationScope;
  /** For a personal chat: whose it is. */
  personId?: string;
  /** Teams: the ConversationReference (service URL, bot, conversation, tenant). Slack: {}. */
  reference: Record<string, unknown>;
  storedAt: Date;
  retiredAt?: Date;
}

const conversationSchema = new Schema<ConversationRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    platform: { type: String, required: true },
    conversationId: { type: String, required: true },
    scope: { type: String, required: true },
    personId: { type: String },
    reference: { type: Schema.Types.Mixed, required: true, default: {} },
    storedAt: { type: Date, required: true },
    retiredAt: { type: Date },
  },
  { collection: 'conversations', versionKey: false, minimize: false },
);
conversationSchema.index({ platform: 1, conversationId: 1 }, { unique: true });
conversationSchema.index({ organisationId: 1, personId: 1 });

// Read on every message and click, so kept in memory; any write here clears what is kept.
clearedOnWrite(conversationSchema, 'conversations');

export const conversationModel = defineModel<ConversationRecord>(
  'Conversation',
  conversationSchema,
);
