import { Schema } from 'mongoose';
import { defineModel, idField } from '../model-registry';

/**
 * An information request to a member of staff (Sedgemoor ToR: within 10 working days). The
 * clock itself is a deadline record; this holds what was asked and how it was answered.
 */
export interface EvidenceRequestRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  /** Short reference people type, e.g. E-3. */
  reference: string;
  reviewId?: string;
  requestedOf: string;
  requestedBy: string;
  what: string;
  deadlineId: string;
  dueAt: Date;
  state: 'open' | 'sent' | 'more-time-asked' | 'redirected';
  links: string[];
  /** The latest ask for more time, kept until an officer answers it. */
  moreTime?: { until: string; reason: string; askedAt: Date };
  createdAt: Date;
  version: number;
}

const evidenceRequestSchema = new Schema<EvidenceRequestRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    reference: { type: String, required: true },
    reviewId: { type: String },
    requestedOf: { type: String, required: true },
    requestedBy: { type: String, required: true },
    what: { type: String, required: true },
    deadlineId: { type: String, required: true },
    dueAt: { type: Date, required: true },
    state: { type: String, required: true },
    links: { type: [String], required: true, default: [] },
    moreTime: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'evidence_requests', versionKey: false },
);
evidenceRequestSchema.index({ organisationId: 1, reference: 1 }, { unique: true });
evidenceRequestSchema.index({ organisationId: 1, requestedOf: 1, state: 1 });

export const evidenceRequestModel = defineModel<EvidenceRequestRecord>(
  'EvidenceRequest',
  evidenceRequestSchema,
);
