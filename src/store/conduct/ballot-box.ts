import type { Connection, Model } from 'mongoose';
import type { Choice } from '../../domain/conduct';
import { readCacheOf, type ReadCache } from '../cache/read-cache';
import { isDuplicateKeyError } from '../connection';
import { newId } from '../model-registry';
import { updateIfUnchanged } from '../versioned-update';
import {
  ballotModel,
  ballotParticipationModel,
  ballotRollModel,
  voteModel,
  type BallotParticipationRecord,
  type BallotRecord,
  type BallotRollRecord,
  type StoredBallot,
  type VoteRecord,
} from './ballot-model';

export type NewBallot = Omit<BallotRecord, '_id' | 'version'>;

/**
 * Ballots on conduct questions, their votes and who voted. What a copy of the database can learn
 * from these records is set out on VoteRecord; nothing here writes a time on a vote.
 */
export class BallotBox {
  private readonly ballots: Model<StoredBallot>;
  private readonly rolls: Model<BallotRollRecord>;
  private readonly cache: ReadCache;
  private readonly votes: Model<VoteRecord>;
  private readonly participation: Model<BallotParticipationRecord>;

  constructor(connection: Connection) {
    this.ballots = ballotModel(connection);
    this.rolls = ballotRollModel(connection);
    this.cache = readCacheOf(connection);
    this.votes = voteModel(connection);
    this.participation = ballotParticipationModel(connection);
  }

  async open(ballot: NewBallot): Promise<BallotRecord> {
    const { eligible, ...rest } = ballot;
    const _id = newId();
    // The roll first, so that no ballot is ever without one.
    await this.rolls.create({ _id, organisationId: ballot.organisationId, eligible });
    const stored = (await this.ballots.create({ ...rest, _id })).toObject();
    return { ...stored, eligible };
  }

  /** Ballots open now, across organisations, for the metrics. */
  async openCount(): Promise<number> {
    return this.ballots.countDocuments({ state: 'open' });
  }

  /** A ballot of the organisation: what a voter's click may reach. */
  async get(id: string, organisationId: string): Promise<BallotRecord | null> {
    return this.withRoll(await this.ballots.findOne({ _id: id, organisationId }).lean());
  }

  async byId(id: string): Promise<BallotRecord | null> {
    return this.withRoll(await this.ballots.findById(id).lean());
  }

  async openAbout(groupId: string, subjectId: string): Promise<number> {
    return this.ballots.countDocuments({ groupId, subjectId, state: 'open' });
  }

  /** Saves `set` unless someone changed the ballot meanwhile (closing, claiming the reminder). */
  async updateIfUnchanged(
    ballot: BallotRecord,
    set: Record<string, unknown>,
  ): Promise<BallotRecord | null> {
    return this.withRoll(await updateIfUnchanged(this.ballots, ballot._id, ballot.version, set));
  }

  /** Removes the voter key field itself, not just its value, once the ballot has closed. */
  async forgetVoterKey(ballotId: string): Promise<void> {
    await this.ballots.updateOne({ _id: ballotId }, { $unset: { voterKeySecret: 1 } });
  }

  /** Ids of open ballots whose time is up. */
  async dueToClose(now: Date): Promise<string[]> {
    const due = await this.ballots
      .find({ state: 'open', closesAt: { $lte: now } })
      .select({ _id: 1 })
      .lean<Array<{ _id: string }>>();
    return due.map((b) => b._id);
  }

  /** Ids of secret ballots that closed (by their closing time) since `since`. */
  async secretClosedSince(since: Date): Promise<string[]> {
    const recent = await this.ballots
      .find({ state: 'closed', closesAt: { $gte: since }, 'rules.secret': true })
      .select({ _id: 1 })
      .lean<Array<{ _id: string }>>();
    return recent.map((b) => b._id);
  }

  /** Open ballots closing by `by` whose non-voters have not yet been reminded. */
  async closingUnreminded(by: Date): Promise<BallotRecord[]> {
    const closing = await this.ballots
      .find({ state: 'open', reminderSent: false, closesAt: { $lte: by } })
      .lean<StoredBallot[]>();
    return Promise.all(closing.map((ballot) => this.withRoll(ballot)));
  }

  /** Fails with a duplicate-key error if this voter key has already voted in the ballot. */
  async addVote(vote: VoteRecord): Promise<void> {
    await this.votes.create(vote);
  }

  async changeVote(ballotId: string, voterKey: string, choice: Choice): Promise<void> {
    await this.votes.updateOne({ ballotId, voterKey }, { $set: { choice } });
  }

  /** The voter keys of the votes cast: whose they are only the ballot's secret can tell. */
  async voterKeysIn(ballotId: string): Promise<string[]> {
    const votes = await this.votes
      .find({ ballotId })
      .select({ voterKey: 1 })
      .lean<Array<{ voterKey: string }>>();
    return votes.map((v) => v.voterKey);
  }

  async votesCast(ballotId: string): Promise<number> {
    return this.votes.countDocuments({ ballotId });
  }

  /** The choices cast, and nothing that says whose. */
  async choicesIn(ballotId: string): Promise<Choice[]> {
    const votes = await this.votes
      .find({ ballotId })
      .select({ choice: 1 })
      .lean<Array<{ choice: Choice }>>();
    return votes.map((v) => v.choice);
  }

  async eraseVotes(ballotId: string): Promise<void> {
    await this.votes.deleteMany({ ballotId });
  }

  /** Records that the person voted; recording it again (a changed vote, a retry) is harmless. */
  async recordParticipation(ballotId: string, personId: string): Promise<void> {
    try {
      // No time: see VoteRecord for what a copy of the database can learn.
      await this.participation.create({ ballotId, personId });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async participants(ballotId: string): Promise<number> {
    return this.participation.countDocuments({ ballotId });
  }

  async hasVoted(ballotId: string, personId: string): Promise<boolean> {
    return (await this.participation.exists({ ballotId, personId })) !== null;
  }

  async whoVoted(ballotId: string): Promise<string[]> {
    const voted = await this.participation
      .find({ ballotId })
      .select({ personId: 1 })
      .lean<Array<{ personId: string }>>();
    return voted.map((p) => p.personId);
  }

  /**
   * The ballot with who may vote, from its roll: kept in memory (a roll never changes once
   * written), so a vote reads only the ballot's small record.
   */
  private async withRoll(ballot: StoredBallot): Promise<BallotRecord>;
  private async withRoll(ballot: StoredBallot | null): Promise<BallotRecord | null>;
  private async withRoll(ballot: StoredBallot | null): Promise<BallotRecord | null> {
    if (!ballot) return null;
    if (ballot.eligible) return { ...ballot, eligible: ballot.eligible };
    const roll = await this.cache.get('ballot_rolls', ballot._id, () =>
      this.rolls.findById(ballot._id).lean<BallotRollRecord>(),
    );
    if (!roll) throw new Error(`Ballot ${ballot._id} has no roll of who may vote.`);
    return { ...ballot, eligible: roll.eligible };
  }
}
