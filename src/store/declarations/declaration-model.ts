import { Schema } from 'mongoose';
import type { DeclarationKind, DeclarationTarget } from '../../domain/shared/declarations';
import { defineModel, idField } from '../model-registry';

/**
 * One declaration of interest, one document. The current decision sits on it so assignment can
 * read conflicts in one query; every decision and revision is also appended to the audit trail
 * (with the decision it replaced), so a changed decision is never a silent overwrite.
 */
export interface DeclarationRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  personId: string;
  kind: DeclarationKind;
  detail: string;
  area?: string;
  declaredAt: Date;
  declaredBy: string;
  decision?: {
    outcome: 'noted' | 'excluded';
    from?: DeclarationTarget;
    decidedBy: string;
    decidedAt: Date;
    reason?: string;
  };
  /** Set when the member says the interest no longer applies; the record stays. */
  endedAt?: Date;
  endedBy?: string;
  version: number;
}

const declarationSchema = new Schema<DeclarationRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    personId: { type: String, required: true },
    kind: { type: String, required: true },
    detail: { type: String, required: true },
    area: { type: String },
    declaredAt: { type: Date, required: true },
    declaredBy: { type: String, required: true },
    decision: {
      type: new Schema(
        {
          outcome: { type: String, required: true },
          from: { type: new Schema({ kind: String, id: String }, { _id: false }) },
          decidedBy: { type: String, required: true },
          decidedAt: { type: Date, required: true },
          reason: { type: String },
        },
        { _id: false },
      ),
    },
    endedAt: { type: Date },
    endedBy: { type: String },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'declarations', versionKey: false },
);
// The register reads a group's declarations; assignment reads one member's in one group.
declarationSchema.index({ groupId: 1, personId: 1, declaredAt: 1 });

export const declarationModel = defineModel<DeclarationRecord>('Declaration', declarationSchema);
