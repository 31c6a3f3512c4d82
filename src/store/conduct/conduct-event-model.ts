import { Schema } from 'mongoose';
import { defineModel, idField } from '../model-registry';

export const CONDUCT_EVENT_KINDS = [
  'warned',
  'referred',
  'investigation-outcome',
  'ballot-opened',
  'ballot-closed',
  'asked-to-leave',
  'barred',
  'membership-withdrawn',
] as const;
export type ConductEventKind = (typeof CONDUCT_EVENT_KINDS)[number];

/**
 * One step of a member's conduct case in a group: who did what, when and why. Append-only; a
 * warning's meeting and number are part of its unique key, so two officers warning at once
 * cannot both give "warning 2" at the same meeting.
 */
export interface ConductEventRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  subjectId: string;
  kind: ConductEventKind;
  /** For warnings: 1 (warned to leave the meeting), then 2 and 3 (further warnings). */
  number?: number;
  /**
   * For warnings: the meeting (local date) it was given at. Southampton's warnings are given
   * at a meeting and count again from 1 at the next one. Warnings recorded before this field
   * existed have none and count towards no meeting.
   */
  meetingOn?: string;
  /** For ballots: which ballot; for the rest, unique per event. */
  key: string;
  reason?: string;
  details?: Record<string, unknown>;
  by: string;
  at: Date;
}

const schema = new Schema<ConductEventRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    subjectId: { type: String, required: true },
    kind: { type: String, required: true, enum: CONDUCT_EVENT_KINDS },
    number: { type: Number },
    meetingOn: { type: String },
    key: { type: String, required: true },
    reason: { type: String },
    details: { type: Schema.Types.Mixed },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'conduct_events', versionKey: false, minimize: false },
);
schema.index({ groupId: 1, subjectId: 1, kind: 1, key: 1 }, { unique: true });
schema.index({ groupId: 1, subjectId: 1, at: 1 });

export const conductEventModel = defineModel<ConductEventRecord>('ConductEvent', schema);
