import { Schema } from 'mongoose';
import { DEADLINE_STATES, type Deadline } from '../../domain/deadlines';
import { defineModel, idField } from '../model-registry';

/** One deadline: what is due, about what, from whom, by when, and how it ended. */
export interface DeadlineRecord extends Deadline {
  _id: string;
  organisationId: string;
  groupId?: string;
  waivedAt?: Date;
  createdAt: Date;
  createdBy: string;
  version: number;
  /**
   * When the nudge sweep should next look at this deadline; null once nothing is left to send.
   * The sweep reads only deadlines whose time has come, so its cost follows what is due.
   */
  nextNudgeAt?: Date | null;
  /**
   * The hour `nextNudgeAt` falls in, counted from 1970 (see nudgeHourOf), or NEXT_SWEEP_HOUR.
   * Equality on it is what every server can serve from an index (FerretDB v1 hands PostgreSQL
   * equalities, not ranges), so the sweep reads the few hours since its last sweep rather than
   * every deadline.
   */
  nudgeHour?: number | null;
  /** Index in the nudge timetable of the last stage handled; -1 before the first. */
  nudgedThrough?: number;
  /** The due day the timetable was planned for: a new due date starts a new timetable. */
  nudgePlanFor?: string;
}

const deadlineSchema = new Schema<DeadlineRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String },
    kind: { type: String, required: true },
    subject: {
      _id: false,
      kind: { type: String, required: true },
      id: { type: String, required: true },
    },
    ownerId: { type: String, required: true },
    dueAt: { type: Date, required: true },
    state: { type: String, required: true, enum: DEADLINE_STATES },
    metAt: { type: Date },
    missedAt: { type: Date },
    waivedBy: { type: String },
    waivedReason: { type: String },
    waivedAt: { type: Date },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    version: { type: Number, required: true, default: 0 },
    nextNudgeAt: { type: Date },
    nudgeHour: { type: Number },
    nudgedThrough: { type: Number },
    nudgePlanFor: { type: String },
  },
  { collection: 'deadlines', versionKey: false },
);
// One deadline of a kind per subject and owner: asking twice for the same evidence from the
// same person does not start a second clock.
deadlineSchema.index({ 'subject.kind': 1, 'subject.id': 1, kind: 1, ownerId: 1 }, { unique: true });
deadlineSchema.index({ state: 1, dueAt: 1 });
// The nudge sweep reads only the hours that have come due.
deadlineSchema.index({ nudgeHour: 1 });
deadlineSchema.index({ ownerId: 1, state: 1 });

export const deadlineModel = defineModel<DeadlineRecord>('Deadline', deadlineSchema);

const HOUR_MS = 3600 * 1000;

/**
 * The bucket of deadlines to plan at the next sweep, whatever the hour: new ones and moved ones.
 * Every sweep reads it, so a deadline written by an instance whose clock disagrees with the
 * sweeper's is never filed under an hour the sweeper has already passed; only the sweeper files
 * under hours, and only hours still to come by its own clock.
 */
export const NEXT_SWEEP_HOUR = -1;

/** The bucket a nudge time is filed under: whole hours since 1970, UTC. */
export function nudgeHourOf(at: Date | null | undefined): number | null {
  return at ? Math.floor(at.getTime() / HOUR_MS) : null;
}
