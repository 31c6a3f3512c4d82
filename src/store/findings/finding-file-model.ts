import { Schema } from 'mongoose';
import { defineModel } from '../model-registry';

/**
 * One file attached to one inspector's findings. The bytes are in GridFS (bucket
 * FINDING_FILES_BUCKET) under the same id; this record says whose they are and who may see them.
 * A file is never replaced: another upload is another record.
 */
export interface FindingFileRecord {
  /** Also the GridFS file id (as an ObjectId). */
  _id: string;
  organisationId: string;
  groupId: string;
  checkId: string;
  assignmentId: string;
  /** The inspector whose findings these are. */
  personId: string;
  name: string;
  /** As the bytes showed, not as the sender claimed. */
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export const FINDING_FILES_BUCKET = 'finding_files';

const findingFileSchema = new Schema<FindingFileRecord>(
  {
    _id: { type: String, required: true },
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    checkId: { type: String, required: true },
    assignmentId: { type: String, required: true },
    personId: { type: String, required: true },
    name: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    uploadedBy: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { collection: 'finding_file_records', versionKey: false },
);
// The same photo sent twice (a form submitted again after a refusal) is kept once.
findingFileSchema.index({ assignmentId: 1, sha256: 1 }, { unique: true });
findingFileSchema.index({ checkId: 1, uploadedAt: 1 });

export const findingFileModel = defineModel<FindingFileRecord>('FindingFile', findingFileSchema);
