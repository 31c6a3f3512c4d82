import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError } from '../connection';
import { attendanceModel, type AttendanceRecord } from './attendance-model';

export type NewAttendance = Omit<AttendanceRecord, '_id'>;

/** Who was present at a group's meetings: one record per person per meeting day. */
export class AttendanceRegister {
  private readonly attendance: Model<AttendanceRecord>;

  constructor(connection: Connection) {
    this.attendance = attendanceModel(connection);
  }

  /** Records the person present; false if they were already recorded for that meeting. */
  async record(attendance: NewAttendance): Promise<boolean> {
    try {
      await this.attendance.create(attendance);
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return false;
    }
  }

  async presentAt(groupId: string, meetingOn: string): Promise<string[]> {
    const present = await this.attendance
      .find({ groupId, meetingOn })
      .select({ personId: 1 })
      .lean<Array<{ personId: string }>>();
    return present.map((p) => p.personId);
  }

  async wasPresent(groupId: string, personId: string, meetingOn: string): Promise<boolean> {
    return (await this.attendance.countDocuments({ groupId, personId, meetingOn })) > 0;
  }
}
