import { setTimeout as delay } from 'node:timers/promises';
import { Schema, Types, type Connection } from 'mongoose';
import { isDuplicateKeyError } from './connection';
import { defineModel } from './model-registry';
import { claimOnce } from './versioned-update';

interface InboundRecord {
  /** The platform's own id for the delivery, prefixed by its kind (see the channel adapters). */
  _id: string;
  receivedAt: Date;
  /**
   * What the first delivery answered, as JSON text: a card's own keys (`$schema`, `$data`) are
   * not allowed as field names in every MongoDB-protocol server.
   */
  answer?: string;
  /** An ObjectId made at the first claim: the ids of what handling it creates follow from it. */
  seed?: string;
  /**
   * A request whose platform never sends it again once acknowledged (a Slack command or click),
   * kept from before its ack until its handling finishes, so another instance can do the work
   * if this one dies: the parsed body as JSON text, and a flag an equality read can find.
   */
  request?: string;
  pending?: boolean;
  /** When the handling finished; null while it runs, or if its process died part-way. */
  finishedAt?: Date | null;
}

const inboundSchema = new Schema<InboundRecord>(
  {
    _id: { type: String, required: true },
    receivedAt: { type: Date, required: true, index: true },
    answer: { type: String },
    finishedAt: { type: Date },
    seed: { type: String },
    request: { type: String },
    pending: { type: Boolean, index: true },
  },
  { collection: 'inbound_deliveries', versionKey: false, minimize: false },
);

const inboundModel = defineModel<InboundRecord>('InboundDelivery', inboundSchema);

/**
 * The end of a delivery's handling, and what it answered: a record of its own, beside the claim,
 * because FerretDB v1 makes an update a read, a rewrite and a transaction round it, and an insert
 * one statement. Every Teams turn ends with one; a kept Slack request ends on its claim instead
 * (finishKept), whose update also drops the request.
 */
interface FinishRecord {
  /** The delivery's id, as on its claim. */
  _id: string;
  finishedAt: Date;
  /** As on InboundRecord: JSON text. */
  answer?: string;
}

const finishSchema = new Schema<FinishRecord>(
  {
    _id: { type: String, required: true },
    finishedAt: { type: Date, required: true, index: true },
    answer: { type: String },
  },
  { collection: 'inbound_finishes', versionKey: false },
);

const finishModel = defineModel<FinishRecord>('InboundFinish', finishSchema);

export type Claim =
  | { first: true; seed: string }
  | {
      first: false;
      answer: unknown;
      finished: boolean;
      receivedAt: Date | undefined;
      seed: string | undefined;
    };

/**
 * A claim unfinished this long is taken to have died with its process: its delivery, sent again
 * by the platform, is handled again. Longer than any turn runs (Teams gives up on a bot after 15 s).
 */
export const TAKE_OVER_AFTER_MS = 30_000;

/** How often a repeat looks again for the first handling's end while it waits. */
const FINISH_POLL_MS = 100;

/**
 * Which inbound deliveries (a Teams activity, a Slack event, command, click or form) were taken
 * on, so that a redelivery, a retry or a replay takes effect once. The platform's own id is the
 * unique _id, so the claim holds across instances and at any concurrency.
 */
export class InboundLedger {
  private readonly model;
  private readonly finishes;

  constructor(connection: Connection) {
    this.model = inboundModel(connection);
    this.finishes = finishModel(connection);
  }

  /** True when this call is the first to claim the delivery. */
  async claim(deliveryId: string, now = new Date()): Promise<boolean> {
    return (await this.claimOrRecall(deliveryId, now)).first;
  }

  /** The first caller gets `first: true`; later ones get whatever the first has answered so far. */
  async claimOrRecall(deliveryId: string, now = new Date()): Promise<Claim> {
    try {
      const seed = new Types.ObjectId().toHexString();
      await this.model.create({ _id: deliveryId, receivedAt: now, finishedAt: null, seed });
      return { first: true, seed };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.recall(deliveryId);
    }
  }

  /**
   * Claims a delivery whose platform will not send it again once acknowledged, keeping its
   * request until finish() so that replayUnfinished can do its work if this process dies.
   */
  async claimToReplay(
    deliveryId: string,
    request: Record<string, unknown>,
    now = new Date(),
  ): Promise<Claim> {
    try {
      const seed = new Types.ObjectId().toHexString();
      await this.model.create({
        _id: deliveryId,
        receivedAt: now,
        finishedAt: null,
        seed,
        pending: true,
        request: JSON.stringify(request),
      });
      return { first: true, seed };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.recall(deliveryId);
    }
  }

  /** Kept requests whose handling has not finished and began before `before`, oldest first. */
  async unfinished(
    before: Date,
    limit: number,
  ): Promise<Array<{ deliveryId: string; request: Record<string, unknown>; claim: Claim }>> {
    const rows = await this.model
      .find({ pending: true })
      .sort({ receivedAt: 1 })
      .limit(limit)
      .lean();
    return rows
      .filter((r) => r.receivedAt <= before && r.finishedAt == null && r.request !== undefined)
      .map((r) => ({
        deliveryId: r._id,
        request: JSON.parse(r.request ?? '{}') as Record<string, unknown>,
        claim: {
          first: false,
          answer: undefined,
          finished: false,
          receivedAt: r.receivedAt,
          seed: r.seed,
        },
      }));
  }

  private async recall(deliveryId: string): Promise<Claim> {
    const stored = await this.model
      .findById(deliveryId)
      .select({ answer: 1, finishedAt: 1, receivedAt: 1, seed: 1 })
      .lean();
    // A claim written before finish marks existed has no such field: done, as it was then.
    const doneOnClaim =
      !stored ||
      stored.answer !== undefined ||
      !('finishedAt' in stored) ||
      stored.finishedAt != null;
    // A kept request's end is on its claim (finishKept); any other's in a record of its own.
    const finish = doneOnClaim ? null : await this.finishes.findById(deliveryId).lean();
    const answer = finish?.answer ?? stored?.answer;
    return {
      first: false,
      answer: answer === undefined ? undefined : (JSON.parse(answer) as unknown),
      finished: doneOnClaim || finish !== null,
      receivedAt: stored?.receivedAt,
      seed: stored?.seed,
    };
  }

  /**
   * Waits up to `waitMs` for an unfinished claim to finish (a repeat that came while the first
   * was still being handled), and gives the claim as it then stands.
   */
  async awaitFinished(deliveryId: string, claim: Claim, waitMs: number): Promise<Claim> {
    const giveUpAt = Date.now() + waitMs;
    let current = claim;
    while (!current.first && !current.finished && Date.now() < giveUpAt) {
      await delay(FINISH_POLL_MS);
      current = await this.recall(deliveryId);
    }
    return current;
  }

  /** Keeps the first delivery's answer for its repeats; the handling is done. */
  async remember(deliveryId: string, answer: unknown, now = new Date()): Promise<void> {
    await this.markFinished({ _id: deliveryId, finishedAt: now, answer: JSON.stringify(answer) });
  }

  /** Marks the handling done, so a repeat is answered as done and never run again. */
  async finish(deliveryId: string, now = new Date()): Promise<void> {
    await this.markFinished({ _id: deliveryId, finishedAt: now });
  }

  /**
   * Marks done a delivery whose request was kept (claimToReplay): the request goes with the
   * mark, as what members typed is kept no longer than it is needed, so this one is an update.
   */
  async finishKept(deliveryId: string, now = new Date()): Promise<void> {
    await this.model.updateOne(
      { _id: deliveryId },
      { $set: { finishedAt: now }, $unset: { request: 1, pending: 1 } },
    );
  }

  private async markFinished(finish: FinishRecord): Promise<void> {
    try {
      await this.finishes.create(finish);
    } catch (error) {
      // Finished already: a run that took over, or a repeat, got there first. The first answer stands.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** True when the claim has stayed unfinished long enough to be taken over. */
  mayTakeOver(claim: Claim, now: Date): boolean {
    if (claim.first || claim.finished || !claim.receivedAt) return false;
    return now.getTime() - claim.receivedAt.getTime() >= TAKE_OVER_AFTER_MS;
  }

  /**
   * Takes over a claim that has stayed unfinished past TAKE_OVER_AFTER_MS, its process taken to
   * have died: true when this caller is the one to handle the delivery again.
   */
  async takeOver(claim: Claim, deliveryId: string, now = new Date()): Promise<boolean> {
    if (claim.first || !this.mayTakeOver(claim, now) || !claim.receivedAt) return false;
    // FerretDB v1 lets two conditional updates both win: the lock is a unique id, one per claim
    // as it stands (its time), so of two instances taking it over one does.
    const key = `InboundTakeover:${deliveryId}:${claim.receivedAt.getTime()}`;
    if (!(await claimOnce(this.model.db, key, now))) return false;
    await this.model.updateOne(
      { _id: deliveryId, finishedAt: null },
      { $set: { receivedAt: now } },
    );
    return true;
  }

  /**
   * Leaves a claim whose handling failed part-way for the platform's retry to take over at once,
   * with the same seed: what the failed run wrote is found by the retry, not written again.
   */
  async abandon(deliveryId: string, now = new Date()): Promise<void> {
    await this.model.updateOne(
      { _id: deliveryId, finishedAt: null },
      { $set: { receivedAt: new Date(now.getTime() - TAKE_OVER_AFTER_MS) } },
    );
  }

  /** Gives a claim back when handling failed, so the platform's retry is processed. */
  async release(deliveryId: string): Promise<void> {
    await this.model.deleteOne({ _id: deliveryId });
  }

  /**
   * Slack retries for about an hour and the Bot Connector for minutes; a replayed Slack request
   * is refused by its signature after five. A day of memory is ample. Run by the scheduler.
   */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.model.deleteMany({ receivedAt: { $lt: olderThan } });
    await this.finishes.deleteMany({ finishedAt: { $lt: olderThan } });
    return result.deletedCount;
  }
}
