import type { Connection, Model } from 'mongoose';
import { evidenceRequestModel, type EvidenceRequestRecord } from './evidence-request-model';

export type NewEvidenceRequest = Omit<EvidenceRequestRecord, 'version'>;

/** Information requests to staff; the clock on each is its deadline record. */
export class EvidenceRequestBook {
  /** Exposed for saveChange, which claims the next version and audits the change. */
  readonly requests: Model<EvidenceRequestRecord>;

  constructor(connection: Connection) {
    this.requests = evidenceRequestModel(connection);
  }

  async create(request: NewEvidenceRequest): Promise<EvidenceRequestRecord> {
    return (await this.requests.create(request)).toObject();
  }

  /** By its normalised reference (E-3) within the organisation. */
  async byReference(
    organisationId: string,
    reference: string,
  ): Promise<EvidenceRequestRecord | null> {
    return this.requests.findOne({ organisationId, reference }).lean<EvidenceRequestRecord>();
  }

  /** Requests still waiting on the person (open, or more time asked), earliest due first. */
  async waitingOn(organisationId: string, personId: string): Promise<EvidenceRequestRecord[]> {
    return this.requests
      .find({ organisationId, requestedOf: personId, state: { $in: ['open', 'more-time-asked'] } })
      .sort({ dueAt: 1 })
      .lean<EvidenceRequestRecord[]>();
  }
}
