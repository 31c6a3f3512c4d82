import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError } from '../connection';
import { updateIfUnchanged } from '../versioned-update';
import { nudgeModel } from '../nudges/nudge-model';
import { deadlineModel, type DeadlineRecord } from './deadline-model';

export type NewDeadline = Omit<DeadlineRecord, '_id' | 'version' | 'state'>;

/** The stored deadlines: one record each, changed only through versioned updates. */
export class DeadlineBook {
  private readonly model: Model<DeadlineRecord>;

  constructor(connection: Connection) {
    this.model = deadlineModel(connection);
  }

  /**
   * Opens the deadline, or returns the one already open for the same subject, kind and owner
   * (a repeated request, or a retry, does not restart the clock).
   */
  async open(deadline: NewDeadline): Promise<{ created: boolean; deadline: DeadlineRecord }> {
    try {
      // The next sweep plans its reminders (the policy lives with the scheduler, not here).
      const created = await this.model.create({
        ...deadline,
        state: 'open',
        version: 0,
        nextNudgeAt: deadline.createdAt,
        nudgedThrough: -1,
      });
      return { created: true, deadline: created.toObject() };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.model
        .findOne({
          'subject.kind': deadline.subject.kind,
          'subject.id': deadline.subject.id,
          kind: deadline.kind,
          ownerId: deadline.ownerId,
        })
        .lean<DeadlineRecord>()
        .orFail();
      return { created: false, deadline: existing };
    }
  }

  async get(id: string, organisationId: string): Promise<DeadlineRecord | null> {
    return this.model.findOne({ _id: id, organisationId }).lean<DeadlineRecord>();
  }

  async forSubject(kind: string, id: string): Promise<DeadlineRecord[]> {
    return this.model
      .find({ 'subject.kind': kind, 'subject.id': id })
      .sort({ dueAt: 1, _id: 1 })
      .lean<DeadlineRecord[]>();
  }

  /** Still owed by the person: open, or missed and not yet met (what the nudges chase). */
  async openForOwner(ownerId: string): Promise<DeadlineRecord[]> {
    return this.model
      .find({ ownerId, state: { $in: ['open', 'missed'] } })
      .sort({ dueAt: 1, _id: 1 })
      .lean<DeadlineRecord[]>();
  }

  /**
   * What the organisation still owes (open or missed) due in the window: the first `shown`,
   * earliest due first, and how many there are in all (the morning digest).
   */
  async owedIn(
    organisationId: string,
    due: { before: Date } | { from: Date; through: Date },
    shown: number,
  ): Promise<{ first: DeadlineRecord[]; total: number }> {
    const filter = {
      organisationId,
      state: { $in: ['open' as const, 'missed' as const] },
      dueAt: 'before' in due ? { $lt: due.before } : { $gte: due.from, $lte: due.through },
    };
    const [first, total] = await Promise.all([
      this.model.find(filter).sort({ dueAt: 1, _id: 1 }).limit(shown).lean<DeadlineRecord[]>(),
      this.model.countDocuments(filter),
    ]);
    return { first, total };
  }

  async byIds(ids: string[]): Promise<DeadlineRecord[]> {
    return this.model.find({ _id: { $in: ids } }).lean<DeadlineRecord[]>();
  }

  /** Open deadlines falling due before `before`, earliest first, for the nudge sweep. */
  async openDueBefore(before: Date, limit = 500): Promise<DeadlineRecord[]> {
    return this.model
      .find({ state: 'open', dueAt: { $lt: before } })
      .sort({ dueAt: 1, _id: 1 })
      .limit(limit)
      .lean<DeadlineRecord[]>();
  }

  /** Saves a transition computed by the domain, unless someone changed the record meanwhile. */
  async save(next: DeadlineRecord): Promise<DeadlineRecord | null> {
    // The nudge fields belong to the sweep; a met or waived deadline is not looked at again.
    const { _id, version, nextNudgeAt, nudgedThrough, nudgePlanFor, ...fields } = next;
    void [nextNudgeAt, nudgedThrough, nudgePlanFor];
    const closed = next.state === 'met' || next.state === 'waived';
    const saved = await updateIfUnchanged(this.model, _id, version, {
      ...fields,
      ...(closed ? { nextNudgeAt: null } : {}),
    });
    // Reminders already queued for it are called off at once, not at their send.
    if (saved && closed)
      await nudgeModel(this.model.db).updateMany(
        { deadlineId: _id, state: 'pending' },
        {
          $set: { state: 'cancelled', cancelledReason: `deadline ${next.state}` },
          $inc: { version: 1 },
        },
      );
    return saved;
  }

  /** Deadlines whose nudge time has come, earliest first: the sweep's one read per batch. */
  async dueForNudge(now: Date, limit: number): Promise<DeadlineRecord[]> {
    return this.model
      .find({ nextNudgeAt: { $lte: now } })
      .sort({ nextNudgeAt: 1 })
      .limit(limit)
      .lean<DeadlineRecord[]>();
  }

  /** Asks the sweep to look at the deadline again at `at` (its due date moved). */
  async replanAt(id: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { nextNudgeAt: at } });
  }

  /**
   * Records one plan for many deadlines at once: a sweep's deadlines mostly share a due day and
   * so a plan, and one write per plan instead of per deadline keeps the round trips down.
   */
  async recordNudgePlans(
    ids: string[],
    plan: { nextNudgeAt: Date | null; nudgedThrough: number; nudgePlanFor: string },
  ): Promise<void> {
    if (ids.length === 0) return;
    await this.model.updateMany({ _id: { $in: ids } }, { $set: plan });
  }
}
