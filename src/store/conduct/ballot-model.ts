import { Schema } from 'mongoose';
import type { BallotRules, Choice } from '../../domain/conduct';
import { defineModel, idField } from '../model-registry';

export type BallotQuestion = 'asked-to-leave' | 'barred-for-a-period';

/**
 * A ballot on a conduct question. `voterKeySecret` turns a voter's id into the key their vote
 * is stored under; it is deleted when the ballot closes, after which a secret ballot's votes
 * cannot be joined back to anyone.
 */
export interface BallotRecord {
  _id: string;
  organisationId: string;
  groupId: string;
  subjectId: string;
  question: BallotQuestion;
  barMonths?: number;
  /** Fixed when the ballot opens: present, less the subject and anyone conflicted. */
  eligible: string[];
  rules: BallotRules;
  openedBy: string;
  openedAt: Date;
  closesAt: Date;
  state: 'open' | 'closed';
  voterKeySecret?: string;
  reminderSent: boolean;
  closedAt?: Date;
  outcome?: {
    result: 'carried' | 'not-carried' | 'tie-no-action' | 'no-quorum';
    yes: number;
    no: number;
    abstain: number;
    byCastingVote?: boolean;
  };
  version: number;
}

const schema = new Schema<BallotRecord>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    subjectId: { type: String, required: true },
    question: { type: String, required: true, enum: ['asked-to-leave', 'barred-for-a-period'] },
    barMonths: { type: Number },
    eligible: { type: [String], required: true },
    rules: { type: Schema.Types.Mixed, required: true },
    openedBy: { type: String, required: true },
    openedAt: { type: Date, required: true },
    closesAt: { type: Date, required: true },
    state: { type: String, required: true, enum: ['open', 'closed'] },
    voterKeySecret: { type: String },
    reminderSent: { type: Boolean, required: true, default: false },
    closedAt: { type: Date },
    outcome: { type: Schema.Types.Mixed },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'ballots', versionKey: false, minimize: false },
);
schema.index({ state: 1, closesAt: 1 });
schema.index({ groupId: 1, subjectId: 1 });

export const ballotModel = defineModel<BallotRecord>('Ballot', schema);

/**
 * A vote: under the voter's key, not their id, with no time on it (a random _id, not an
 * ObjectId, which would carry one). The unique key makes a double click one vote.
 */
export interface VoteRecord {
  _id: string;
  ballotId: string;
  voterKey: string;
  choice: Choice;
  /** Only for ballots that are not secret. */
  voterId?: string;
}

const voteSchema = new Schema<VoteRecord>(
  {
    _id: { type: String, required: true },
    ballotId: { type: String, required: true },
    voterKey: { type: String, required: true },
    choice: { type: String, required: true, enum: ['yes', 'no', 'abstain'] },
    voterId: { type: String },
  },
  { collection: 'votes', versionKey: false },
);
voteSchema.index({ ballotId: 1, voterKey: 1 }, { unique: true });

export const voteModel = defineModel<VoteRecord>('Vote', voteSchema);

/** Who voted (never how): the record of participation the rules ask for. */
export interface BallotParticipationRecord {
  _id: string;
  ballotId: string;
  personId: string;
  at: Date;
}

const participationSchema = new Schema<BallotParticipationRecord>(
  {
    _id: idField,
    ballotId: { type: String, required: true },
    personId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'ballot_participation', versionKey: false },
);
participationSchema.index({ ballotId: 1, personId: 1 }, { unique: true });

export const ballotParticipationModel = defineModel<BallotParticipationRecord>(
  'BallotParticipation',
  participationSchema,
);
