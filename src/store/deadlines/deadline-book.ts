import type { Connection, Model } from 'mongoose';
import pLimit from 'p-limit';
import { isDuplicateKeyError } from '../connection';
import { updateIfUnchanged } from '../versioned-update';
import { nudgeModel } from '../nudges/nudge-model';
import { deadlineModel, NEXT_SWEEP_HOUR, nudgeHourOf, type DeadlineRecord } from './deadline-model';

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
        nudgeHour: NEXT_SWEEP_HOUR,
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

  /**
   * One read per id, a few at a time: an `_id` equality is served from the index by every
   * server, where FerretDB v1 answers `$in` by reading the whole collection.
   */
  async byIds(ids: readonly string[]): Promise<DeadlineRecord[]> {
    const found = await fewAtOnce(
      ids.map((id) => () => this.model.findOne({ _id: id }).lean<DeadlineRecord>().exec()),
    );
    return found.filter((d): d is DeadlineRecord => d !== null);
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
    const { _id, version, nextNudgeAt, nudgeHour, nudgedThrough, nudgePlanFor, ...fields } = next;
    void [nextNudgeAt, nudgeHour, nudgedThrough, nudgePlanFor];
    const closed = next.state === 'met' || next.state === 'waived';
    const saved = await updateIfUnchanged(this.model, _id, version, {
      ...fields,
      ...(closed ? { nextNudgeAt: null, nudgeHour: null } : {}),
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

  /**
   * Deadlines whose nudge time has come, earliest first: the sweep's read per batch. Given an
   * hour, only that hour's bucket, which indexes serve on every server; without one, every
   * deadline (the first sweep of a process, which cannot know what was missed before it).
   */
  async dueForNudge(now: Date, limit: number, hour?: number): Promise<DeadlineRecord[]> {
    return this.model
      .find({
        ...(hour === undefined ? {} : { nudgeHour: hour }),
        nextNudgeAt: { $lte: now },
      })
      .sort({ nextNudgeAt: 1, _id: 1 })
      .limit(limit)
      .lean<DeadlineRecord[]>();
  }

  /**
   * Deadlines with a nudge time but no bucket: written by a version before buckets. The first
   * sweep of a process files them, so the hourly reads find them when their time comes.
   */
  async unfiled(limit: number): Promise<DeadlineRecord[]> {
    return this.model
      .find({ nextNudgeAt: { $ne: null }, nudgeHour: null })
      .limit(limit)
      .lean<DeadlineRecord[]>();
  }

  /** Files each under its nudge time's hour, unless its nudge time has changed meanwhile. */
  async fileUnderHour(
    deadlines: ReadonlyArray<Pick<DeadlineRecord, '_id' | 'nextNudgeAt'>>,
  ): Promise<void> {
    await fewAtOnce(
      deadlines.map(
        (d) => () =>
          this.model
            .updateOne(
              { _id: d._id, nextNudgeAt: d.nextNudgeAt },
              { $set: { nudgeHour: nudgeHourOf(d.nextNudgeAt) } },
            )
            .exec(),
      ),
    );
  }

  /** Asks the sweep to look at the deadline again at `at` (its due date moved). */
  async replanAt(id: string, at: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id },
      { $set: { nextNudgeAt: at, nudgeHour: NEXT_SWEEP_HOUR } },
    );
  }

  /**
   * Records one plan for many deadlines: a sweep's deadlines mostly share a due day and so a
   * plan. Those read from one hour's bucket are written in one command led by that hour, which
   * indexes serve; one that has since left the bucket (replanned meanwhile) keeps its new plan.
   * Any read without a bucket is written by id.
   */
  async recordNudgePlans(
    deadlines: ReadonlyArray<Pick<DeadlineRecord, '_id' | 'nudgeHour'>>,
    plan: { nextNudgeAt: Date | null; nudgedThrough: number; nudgePlanFor: string },
  ): Promise<void> {
    const set = { $set: { ...plan, nudgeHour: nudgeHourOf(plan.nextNudgeAt) } };
    const byHour = new Map<number, string[]>();
    const unfiled: string[] = [];
    for (const d of deadlines) {
      if (typeof d.nudgeHour !== 'number') unfiled.push(d._id);
      else byHour.set(d.nudgeHour, [...(byHour.get(d.nudgeHour) ?? []), d._id]);
    }
    await fewAtOnce([
      ...[...byHour].map(
        ([hour, ids]) =>
          () =>
            this.model.updateMany({ nudgeHour: hour, _id: { $in: ids } }, set).exec(),
      ),
      ...unfiled.map((id) => () => this.model.updateOne({ _id: id }, set).exec()),
    ]);
  }
}

/** Commands kept in flight at once when working through many records, one command each. */
function fewAtOnce<T>(tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const limit = pLimit(8);
  return Promise.all(tasks.map((task) => limit(task)));
}
