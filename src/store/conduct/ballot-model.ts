import { randomUUID } from 'node:crypto';
import { Schema } from 'mongoose';
import type { BallotRules, Choice } from '../../domain/conduct';
import { clearedOnWrite } from '../cache/read-cache';
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
  /** The meeting (local date) the ballot is held at; older ballots have only openedAt. */
  meetingOn?: string;
  /**
   * Fixed when the ballot opens: present, less the subject and anyone conflicted. Stored in the
   * ballot's roll (BallotRollRecord), not in the ballot.
   */
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

/**
 * A ballot as stored. Who may vote is kept in its roll: a ballot is read on every vote, and
 * FerretDB v1 decodes the whole of a document on each read (a ballot holding 200 voters' ids
 * took 11 ms to read, 2 ms without them), while the roll never changes and is kept in memory.
 */
export interface StoredBallot extends Omit<BallotRecord, 'eligible'> {
  /** Only in ballots opened before rolls were kept apart. */
  eligible?: string[];
}

const schema = new Schema<StoredBallot>(
  {
    _id: idField,
    organisationId: { type: String, required: true },
    groupId: { type: String, required: true },
    subjectId: { type: String, required: true },
    question: { type: String, required: true, enum: ['asked-to-leave', 'barred-for-a-period'] },
    barMonths: { type: Number },
    meetingOn: { type: String },
    // Never written now; an array path would otherwise be stored as [] on every new ballot.
    eligible: { type: [String], default: undefined },
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

export const ballotModel = defineModel<StoredBallot>('Ballot', schema);

/** Who may vote in a ballot, fixed when it opens: under the ballot's own id. */
export interface BallotRollRecord {
  _id: string;
  organisationId: string;
  eligible: string[];
}

const rollSchema = new Schema<BallotRollRecord>(
  {
    _id: { type: String, required: true },
    organisationId: { type: String, required: true },
    eligible: { type: [String], required: true },
  },
  { collection: 'ballot_rolls', versionKey: false },
);
clearedOnWrite(rollSchema, 'ballot_rolls');

export const ballotRollModel = defineModel<BallotRollRecord>('BallotRoll', rollSchema);

/**
 * A vote: under the voter's key, not their id, with no time on it (a random _id, not an
 * ObjectId, which would carry one). The unique key makes a double click one vote.
 *
 * What someone holding a copy of the database can learn about a secret ballot:
 * - while it is open: everything. The ballot holds `voterKeySecret`, and a voter's key is the
 *   HMAC of their id under it, so each vote joins to its voter. So does the order of the writes:
 *   a vote and its participation record are written by the same request, one after the other.
 * - once it has closed: who could vote (`eligible`), who voted (participation records) and the
 *   totals (the ballot's outcome and the ballot-closed conduct event), nothing per vote. Closing
 *   forgets the key and deletes the ballot's vote documents, because no field can hide the order
 *   they were written in: natural order (MongoDB's and FerretDB's) is insertion order, and the
 *   participation records, written alongside, come back in the same order. A participation record
 *   carries no time and has a random _id (an ObjectId would be its time), but its natural order
 *   still is the order people voted in; with no votes left, that order joins to no choice.
 * - always: what the totals themselves say (a unanimous result gives everyone's choice away).
 * What no dump of the collections closes: the server's own history of the open window (a
 * replica set's oplog or change streams, a backup or file image taken while the ballot was open,
 * or deleted records still in a storage file) holds the votes and the key. Keep those short-lived
 * and as protected as the database. The inbound-delivery ledger keeps each click's arrival time
 * for a day: when someone voted, never how.
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

/**
 * Who voted (never how): the record of participation the rules ask for. No time on it and a
 * random _id (see VoteRecord), so nothing in it but its position orders it among the others.
 */
export interface BallotParticipationRecord {
  _id: string;
  ballotId: string;
  personId: string;
}

const participationSchema = new Schema<BallotParticipationRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    ballotId: { type: String, required: true },
    personId: { type: String, required: true },
  },
  { collection: 'ballot_participation', versionKey: false },
);
participationSchema.index({ ballotId: 1, personId: 1 }, { unique: true });

export const ballotParticipationModel = defineModel<BallotParticipationRecord>(
  'BallotParticipation',
  participationSchema,
);
