import { Schema } from 'mongoose';
import type { AssignmentStatus, Returned, Review, Submission } from '../../domain/checks';
import { defineModel, idField } from '../model-registry';

/** A reality check: what is inspected, where, by when. Its assignees are their own records. */
export interface RealityCheckRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  /** Short reference people type, e.g. C-40. */
  reference: string;
  title: string;
  kind: string;
  reviewId?: string;
  standardKey?: string;
  /** The local offers the check verifies, by ServiceStandard key (at most 10). */
  offerKeys?: string[];
  area?: string;
  dueOn: string;
  createdAt: Date;
  createdBy: string;
}

const realityCheckSchema = new Schema<RealityCheckRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    reference: { type: String, required: true },
    title: { type: String, required: true },
    kind: { type: String, required: true },
    reviewId: { type: String },
    standardKey: { type: String },
    offerKeys: { type: [String], default: undefined },
    area: { type: String },
    dueOn: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { collection: 'reality_checks', versionKey: false },
);
realityCheckSchema.index({ organisationId: 1, reference: 1 }, { unique: true });
realityCheckSchema.index({ groupId: 1, createdAt: -1 });
realityCheckSchema.index({ organisationId: 1, offerKeys: 1 });

export const realityCheckModel = defineModel<RealityCheckRecord>(
  'RealityCheck',
  realityCheckSchema,
);

/**
 * One person's part in one check, one document each, so twelve inspectors accepting at once
 * never contend for the same record.
 */
export interface CheckAssignmentRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  checkId: string;
  personId: string;
  status: AssignmentStatus;
  offeredBy: string;
  offeredAt: Date;
  acceptedAt?: Date;
  declinedAt?: Date;
  declineReason?: string;
  submission?: Submission;
  review?: Review;
  /** The officer's last return of the findings, shown to the inspector until they send again. */
  returned?: Returned;
  version: number;
}

const assignmentSchema = new Schema<CheckAssignmentRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    checkId: { type: String, required: true },
    personId: { type: String, required: true },
    status: { type: String, required: true },
    offeredBy: { type: String, required: true },
    offeredAt: { type: Date, required: true },
    acceptedAt: { type: Date },
    declinedAt: { type: Date },
    declineReason: { type: String },
    submission: { type: Schema.Types.Mixed },
    review: { type: Schema.Types.Mixed },
    returned: { type: Schema.Types.Mixed },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'check_assignments', versionKey: false },
);
assignmentSchema.index({ checkId: 1, personId: 1 }, { unique: true });
assignmentSchema.index({ organisationId: 1, personId: 1, status: 1 });
assignmentSchema.index({ groupId: 1, status: 1 });

export const checkAssignmentModel = defineModel<CheckAssignmentRecord>(
  'CheckAssignment',
  assignmentSchema,
);
