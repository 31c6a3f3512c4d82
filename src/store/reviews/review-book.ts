import type { Connection, Model } from 'mongoose';
import { reviewModel, type ReviewRecord } from './review-model';

export type NewReview = Omit<ReviewRecord, 'version'>;

/** The reviews, one record each, changed one versioned revision at a time. */
export class ReviewBook {
  /** Exposed for saveChange, which claims the next version and audits the change. */
  readonly reviews: Model<ReviewRecord>;

  constructor(connection: Connection) {
    this.reviews = reviewModel(connection);
  }

  async open(review: NewReview): Promise<ReviewRecord> {
    return (await this.reviews.create(review)).toObject();
  }

  /** By its normalised reference within the organisation. */
  async byReference(organisationId: string, reference: string): Promise<ReviewRecord | null> {
    return this.reviews.findOne({ organisationId, reference }).lean<ReviewRecord>();
  }
}
