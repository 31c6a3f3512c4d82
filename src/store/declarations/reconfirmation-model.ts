import { Schema } from 'mongoose';
import { defineModel, idField } from '../model-registry';

/** "Nothing has changed": a member's yearly re-confirmation of their declarations, one a day. */
export interface ReconfirmationRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  personId: string;
  /** The local date, so a double click on the same day is the same confirmation. */
  on: string;
  at: Date;
}

const reconfirmationSchema = new Schema<ReconfirmationRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    personId: { type: String, required: true },
    on: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'declaration_reconfirmations', versionKey: false },
);
reconfirmationSchema.index({ groupId: 1, personId: 1, on: 1 }, { unique: true });

export const reconfirmationModel = defineModel<ReconfirmationRecord>(
  'DeclarationReconfirmation',
  reconfirmationSchema,
);
