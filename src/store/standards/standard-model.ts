import { Schema } from 'mongoose';
import type { ServiceStandard } from '../../domain/standards';
import { defineModel, idField } from '../model-registry';

/** One service standard (local offer) of one organisation, one document. */
export interface StandardRecord {
  _id: string;
  organisationId: string;
  key: string;
  /** The domain's ServiceStandard, kept whole. */
  standard: ServiceStandard;
  importedAt: Date;
  importedBy: string;
  version: number;
}

const standardSchema = new Schema<StandardRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    key: { type: String, required: true },
    standard: { type: Schema.Types.Mixed, required: true },
    importedAt: { type: Date, required: true },
    importedBy: { type: String, required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'standards', versionKey: false, minimize: false },
);
standardSchema.index({ organisationId: 1, key: 1 }, { unique: true });

export const standardModel = defineModel<StandardRecord>('Standard', standardSchema);
