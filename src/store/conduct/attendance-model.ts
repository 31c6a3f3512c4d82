import { Schema } from 'mongoose';
import { defineModel, idField } from '../model-registry';

/**
 * Who is present at a group's meeting on a day: one record per person, so recording twice is
 * harmless. Ballots take their eligible voters from here (Southampton: "the members present").
 */
export interface AttendanceRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  /** The meeting's local date. */
  meetingOn: string;
  personId: string;
  recordedBy: string;
  recordedAt: Date;
}

const schema = new Schema<AttendanceRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    meetingOn: { type: String, required: true },
    personId: { type: String, required: true },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'attendance', versionKey: false },
);
schema.index({ groupId: 1, meetingOn: 1, personId: 1 }, { unique: true });

export const attendanceModel = defineModel<AttendanceRecord>('Attendance', schema);
