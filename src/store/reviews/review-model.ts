import { Schema } from 'mongoose';
import type { Review } from '../../domain/reviews';
import { defineModel, idField } from '../model-registry';

/**
 * A review, one document: its steps, meetings, recommendations and plan are what the panel
 * works through together, changed one versioned revision at a time and audited.
 */
export interface ReviewRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  /** Short reference people type, e.g. R-12. */
  reference: string;
  /** The domain's Review, kept whole (its id is this record's id). */
  review: Review;
  createdAt: Date;
  createdBy: string;
  version: number;
}

const reviewSchema = new Schema<ReviewRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    reference: { type: String, required: true },
    review: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'reviews', versionKey: false, minimize: false },
);
reviewSchema.index({ organisationId: 1, reference: 1 }, { unique: true });
reviewSchema.index({ groupId: 1, createdAt: -1 });

export const reviewModel = defineModel<ReviewRecord>('Review', reviewSchema);
