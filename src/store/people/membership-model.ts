import { Schema } from 'mongoose';
import type { MembershipStatus } from '../../domain/people';
import type { Role } from '../../domain/shared/people';
import { defineModel, idField } from '../model-registry';

/** One person's place in one group: roles, agreements, training, term and status. */
export interface MembershipRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  personId: string;
  roles: Role[];
  trainingDoneOn?: string;
  codeOfConductSignedOn?: string;
  confidentialitySignedOn?: string;
  termStartsOn?: string;
  termEndsOn?: string;
  status: MembershipStatus;
  joinedAt: Date;
  version: number;
}

const membershipSchema = new Schema<MembershipRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    personId: { type: String, required: true },
    roles: { type: [String], required: true },
    trainingDoneOn: { type: String },
    codeOfConductSignedOn: { type: String },
    confidentialitySignedOn: { type: String },
    termStartsOn: { type: String },
    termEndsOn: { type: String },
    status: {
      _id: false,
      kind: { type: String, required: true },
      reason: { type: String },
      since: { type: String },
      on: { type: String },
      until: { type: String },
    },
    joinedAt: { type: Date, required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'memberships', versionKey: false },
);
// At most one membership per person per group; roles are a list on it.
membershipSchema.index({ groupId: 1, personId: 1 }, { unique: true });
membershipSchema.index({ personId: 1 });
membershipSchema.index({ groupId: 1, 'status.kind': 1 });

export const membershipModel = defineModel<MembershipRecord>('Membership', membershipSchema);
