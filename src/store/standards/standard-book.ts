import type { Connection, Model } from 'mongoose';
import { standardModel, type StandardRecord } from './standard-model';

export type NewStandard = Omit<StandardRecord, '_id' | 'version'>;

/** An organisation's service standards (local offers), one record per key. */
export class StandardBook {
  /** Exposed for saveChange, which claims the next version and audits the change. */
  readonly standards: Model<StandardRecord>;

  constructor(connection: Connection) {
    this.standards = standardModel(connection);
  }

  async byKey(organisationId: string, key: string): Promise<StandardRecord | null> {
    return this.standards.findOne({ organisationId, key }).lean<StandardRecord>();
  }

  /** Fails with a duplicate-key error if the key is already on file (a racing import). */
  async add(standard: NewStandard): Promise<StandardRecord> {
    return (await this.standards.create(standard)).toObject();
  }

  async allOf(organisationId: string): Promise<StandardRecord[]> {
    return this.standards.find({ organisationId }).lean<StandardRecord[]>();
  }
}
