import { Schema } from 'mongoose';
import { defineModel, idField } from '../model-registry';

export const NUDGE_STATES = ['pending', 'sending', 'sent', 'cancelled'] as const;
export type NudgeState = (typeof NUDGE_STATES)[number];

/**
 * The outbox: one record per deadline, reminder stage and recipient, written before anything is
 * sent. Its unique key is what makes "exactly one nudge per deadline and stage" hold however
 * many sweeps run; delivery then moves it on, and a failure stays here to be retried.
 */
export interface NudgeRecord {
  _id: string;
  organisationId: string;
  deadlineId: string;
  /** The timetable stage and the due day it belongs to, e.g. `overdue-2@2026-12-02`. */
  stage: string;
  recipientId: string;
  audience: 'owner' | 'escalation';
  state: NudgeState;
  createdAt: Date;
  /** Not before: a retry after a 429 or 5xx waits until then. */
  nextAttemptAt: Date;
  attempts: number;
  /** Set while one instance is sending it; a claim older than the send timeout is stale. */
  claimedAt?: Date;
  claimedBy?: string;
  lastError?: string;
  sentAt?: Date;
  messageId?: string;
  cancelledReason?: string;
  version: number;
}

const nudgeSchema = new Schema<NudgeRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    deadlineId: { type: String, required: true },
    stage: { type: String, required: true },
    recipientId: { type: String, required: true },
    audience: { type: String, required: true, enum: ['owner', 'escalation'] },
    state: { type: String, required: true, enum: NUDGE_STATES },
    createdAt: { type: Date, required: true },
    nextAttemptAt: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 0 },
    claimedAt: { type: Date },
    claimedBy: { type: String },
    lastError: { type: String },
    sentAt: { type: Date },
    messageId: { type: String },
    cancelledReason: { type: String },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'nudges', versionKey: false },
);
nudgeSchema.index({ deadlineId: 1, stage: 1, recipientId: 1 }, { unique: true });
// Delivery reads what is waiting and whose time has come.
nudgeSchema.index({ state: 1, nextAttemptAt: 1 });

export const nudgeModel = defineModel<NudgeRecord>('Nudge', nudgeSchema);
