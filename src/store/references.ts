import { Schema, type Connection } from 'mongoose';
import { isDuplicateKeyError } from './connection';
import { isReplay } from './delivery-scope';
import { defineModel, idField, newId } from './model-registry';

/**
 * Short codes people can type (R-12 for a review, C-40 for a check, E-7 for an evidence
 * request), numbered per organisation. Each code is a document with a unique
 * (organisation, prefix, number): taking the next number is an insert that only one racer can
 * win, which holds on FerretDB too (its $inc is not atomic under concurrency).
 */
interface ReferenceRecord {
  _id: string;
  organisationId: string;
  prefix: string;
  number: number;
}

const referenceSchema = new Schema<ReferenceRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    prefix: { type: String, required: true },
    number: { type: Number, required: true },
  },
  { collection: 'references', versionKey: false },
);
referenceSchema.index({ organisationId: 1, prefix: 1, number: -1 }, { unique: true });
const referenceModel = defineModel<ReferenceRecord>('Reference', referenceSchema);

/** M numbers the pseudonyms of erased people ("Member 17"). */
export type ReferencePrefix = 'R' | 'C' | 'E' | 'D' | 'V' | 'M';

export async function nextReference(
  connection: Connection,
  organisationId: string,
  prefix: ReferencePrefix,
): Promise<string> {
  const model = referenceModel(connection);
  // In a second run of a delivery, the number its first run took is its again (same id).
  const _id = newId();
  if (isReplay()) {
    const taken = await model.findById(_id, { number: 1 }).lean();
    if (taken) return `${prefix}-${taken.number}`;
  }
  for (;;) {
    const last = await model
      .findOne({ organisationId, prefix }, { number: 1 })
      .sort({ number: -1 })
      .lean();
    const number = (last?.number ?? 0) + 1;
    try {
      await model.create({ _id, organisationId, prefix, number });
      return `${prefix}-${number}`;
    } catch (error) {
      // Someone took that number a moment ago: take the next.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}

/** "r-012", " R-12 ", "r12" → "R-12"; anything else → undefined. */
export function normaliseReference(text: string, prefix: ReferencePrefix): string | undefined {
  const match = new RegExp(`^\\s*${prefix}-?(\\d{1,9})\\s*$`, 'i').exec(text);
  return match ? `${prefix}-${Number(match[1])}` : undefined;
}
