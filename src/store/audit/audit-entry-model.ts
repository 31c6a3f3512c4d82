import { Schema } from 'mongoose';
import { defineModel, idField } from '../model-registry';

export interface AuditEntryRecord {
  _id: string;
  organisationId: string;
  groupId?: string;
  subject: { kind: string; id: string };
  action: string;
  actorId: string;
  at: Date;
  reason?: string;
  details?: Record<string, unknown>;
}

const auditEntrySchema = new Schema<AuditEntryRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String },
    subject: {
      _id: false,
      kind: { type: String, required: true },
      id: { type: String, required: true },
    },
    action: { type: String, required: true },
    actorId: { type: String, required: true },
    at: { type: Date, required: true },
    reason: { type: String },
    details: { type: Schema.Types.Mixed },
  },
  { collection: 'audit_trail', versionKey: false, minimize: true },
);
auditEntrySchema.index({ 'subject.kind': 1, 'subject.id': 1, at: 1 });
auditEntrySchema.index({ groupId: 1, at: 1 });
auditEntrySchema.index({ organisationId: 1, at: 1 });

const appendOnly = function (): never {
  throw new Error('The audit trail is append-only: entries are never updated or deleted.');
};
auditEntrySchema.pre(
  [
    'updateOne',
    'updateMany',
    'findOneAndUpdate',
    'replaceOne',
    'findOneAndReplace',
    'deleteOne',
    'deleteMany',
    'findOneAndDelete',
  ],
  appendOnly,
);
auditEntrySchema.pre('save', function () {
  if (!this.isNew) appendOnly();
});

export const auditEntryModel = defineModel<AuditEntryRecord>('AuditEntry', auditEntrySchema);
