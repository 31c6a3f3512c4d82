import type { Connection, Model } from 'mongoose';
import { auditEntryModel, type AuditEntryRecord } from './audit-entry-model';

export type AuditEntry = Omit<AuditEntryRecord, '_id'>;
export type StoredAuditEntry = AuditEntryRecord;

/**
 * Who did what to which record, when and why. Entries are only ever appended: the model
 * refuses updates and deletes, and this class offers neither.
 */
export class AuditTrail {
  private readonly model: Model<AuditEntryRecord>;

  constructor(connection: Connection) {
    this.model = auditEntryModel(connection);
  }

  async append(entry: AuditEntry): Promise<StoredAuditEntry> {
    const created = await this.model.create(entry);
    return created.toObject();
  }

  async forSubject(kind: string, id: string): Promise<StoredAuditEntry[]> {
    return this.model
      .find({ 'subject.kind': kind, 'subject.id': id })
      .sort({ at: 1, _id: 1 })
      .lean<StoredAuditEntry[]>();
  }

  async forGroup(groupId: string, since?: Date): Promise<StoredAuditEntry[]> {
    const filter = since ? { groupId, at: { $gte: since } } : { groupId };
    return this.model.find(filter).sort({ at: 1, _id: 1 }).lean<StoredAuditEntry[]>();
  }
}
