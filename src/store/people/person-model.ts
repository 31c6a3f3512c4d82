import { Schema } from 'mongoose';
import { clearedOnWrite } from '../cache/read-cache';
import { defineModel, idField } from '../model-registry';

/**
 * A person of the organisation as the rules need them: no birth date (an "over 18 confirmed"
 * flag), no address (a home area), no contact details (the chat platform has those).
 */
export interface PersonRecord {
  _id: string;
  organisationId: string;
  /** The Teams AAD object id or Slack user id the person talks to the bot from. */
  platformUserId: string;
  /**
   * The id the platform addresses the person by in chats and cards, where it differs from
   * platformUserId: Teams' `29:…` user id, which a card's refresh.userIds must name.
   */
  chatUserId?: string;
  displayName: string;
  /** Tenant Voice officers facilitate every group of the organisation. */
  isOfficer: boolean;
  facts: Record<string, unknown>;
  createdAt: Date;
  version: number;
  /**
   * Set when an officer erased the person's details (src/app/people/erase-person.ts): their
   * name is now "Member <pseudonym>", numbered per organisation, and their platform ids are gone.
   */
  erased?: { at: Date; pseudonym: number };
}

const personSchema = new Schema<PersonRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    platformUserId: { type: String, required: true },
    chatUserId: { type: String },
    displayName: { type: String, required: true },
    isOfficer: { type: Boolean, required: true, default: false },
    facts: { type: Schema.Types.Mixed, required: true, default: {} },
    createdAt: { type: Date, required: true },
    version: { type: Number, required: true, default: 0 },
    erased: {
      type: new Schema(
        { at: { type: Date, required: true }, pseudonym: { type: Number, required: true } },
        { _id: false },
      ),
      default: undefined,
    },
  },
  { collection: 'people', versionKey: false, minimize: false },
);
personSchema.index({ organisationId: 1, platformUserId: 1 }, { unique: true });
// The speaker is read on every message and click; any write to anyone here clears what is kept,
// so an officer's rights removed on this instance are never read back from memory.
clearedOnWrite(personSchema, 'people');

export const personModel = defineModel<PersonRecord>('Person', personSchema);
