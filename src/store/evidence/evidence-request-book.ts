import type { Connection, Model } from 'mongoose';
import { evidenceRequestModel, type EvidenceRequestRecord } from './evidence-request-model';

export type NewEvidenceRequest = Omit<EvidenceRequestRecord, 'version'>;
export type EvidenceRequestSummary = Pick<EvidenceRequestRecord, '_id' | 'reference' | 'what'>;

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

  /** What was asked, by reference, reading nothing else (a reminder names the request). */
  async summaryOf(id: string): Promise<EvidenceRequestSummary | null> {
    return this.requests
      .findById(id)
      .select({ reference: 1, what: 1 })
      .lean<EvidenceRequestSummary>();
  }

  /** summaryOf for several requests at once; those no longer on record are missing. */
  async summariesOf(ids: string[]): Promise<EvidenceRequestSummary[]> {
    return this.requests
      .find({ _id: { $in: ids } })
      .select({ reference: 1, what: 1 })
      .lean<EvidenceRequestSummary[]>();
  }

  /** Requests still waiting on the person (open, or more time asked), earliest due first. */
  async waitingOn(organisationId: string, personId: string): Promise<EvidenceRequestRecord[]> {
    return this.requests
      .find({ organisationId, requestedOf: personId, state: { $in: ['open', 'more-time-asked'] } })
      .sort({ dueAt: 1, _id: 1 })
      .lean<EvidenceRequestRecord[]>();
  }
}
