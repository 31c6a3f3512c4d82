import { Schema } from 'mongoose';
import { defineModel } from '../model-registry';

/**
 * A file offered to one person and not yet taken: Teams asks the person to accept a file before
 * the bot may upload it, so the bytes wait here (GridFS bucket OUTGOING_FILES_BUCKET) between
 * the consent card and the click. Nothing else reads them; a scheduled prune removes what was
 * never accepted.
 */
export interface OutgoingFileRecord {
  /** Unguessable: it travels in the consent card, and holding it is half of taking the file. */
  _id: string;
  /** The GridFS file id (an ObjectId as hex). */
  bytesId: string;
  /** The other half: the platform's id of the person it was offered to (Teams' 29:… id). */
  recipientChatId: string;
  /** Whose the offer is in our records, so erasing a person takes their offers too. */
  organisationId?: string;
  personId?: string;
  name: string;
  contentType: string;
  size: number;
  description?: string;
  createdAt: Date;
  expiresAt: Date;
}

export const OUTGOING_FILES_BUCKET = 'outgoing_files';

const outgoingFileSchema = new Schema<OutgoingFileRecord>(
  {
    _id: { type: String, required: true },
    bytesId: { type: String, required: true },
    recipientChatId: { type: String, required: true },
    organisationId: { type: String },
    personId: { type: String },
    name: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    description: { type: String },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'outgoing_file_offers', versionKey: false },
);
// A plain index, not a TTL one: FerretDB v1 and Cosmos DB do not expire documents the same way
// MongoDB does, so the prune schedule deletes by this field instead.
outgoingFileSchema.index({ expiresAt: 1 });
outgoingFileSchema.index({ recipientChatId: 1 });

export const outgoingFileModel = defineModel<OutgoingFileRecord>(
  'OutgoingFile',
  outgoingFileSchema,
);
