import { Schema } from 'mongoose';
import type { MembershipPolicy } from '../../domain/groups';
import { clearedOnWrite } from '../cache/read-cache';
import { defineModel, idField } from '../model-registry';

/**
 * A panel, inspector team or committee. The membership policy is kept whole (it is validated by
 * the domain's schema before it is stored), so a group's rules are what they were when decided.
 */
export interface GroupRecord {
  _id: string;
  organisationId: string;
  name: string;
  kind: string;
  presetKey: string;
  policy: MembershipPolicy;
  /** The chat or channel the group works in, once the bot is added to one. */
  conversationId?: string;
  createdAt: Date;
  createdBy: string;
  version: number;
}

const groupSchema = new Schema<GroupRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    presetKey: { type: String, required: true },
    policy: { type: Schema.Types.Mixed, required: true },
    conversationId: { type: String },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'groups', versionKey: false, minimize: false },
);
// Officers name groups in commands, so a name means one group in an organisation.
groupSchema.index({ organisationId: 1, name: 1 }, { unique: true });
// A command typed in a chat finds the group working there.
groupSchema.index({ organisationId: 1, conversationId: 1 });

// Read on every message and click, so kept in memory; any write here clears what is kept.
clearedOnWrite(groupSchema, 'groups');

export const groupModel = defineModel<GroupRecord>('Group', groupSchema);
