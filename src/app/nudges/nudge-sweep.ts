import {
  decideNudge,
  DEFAULT_NUDGE_POLICY,
  handledAtStart,
  nextWorkingTime,
  nudgeTimetable,
  type NudgePolicy,
} from '../../domain/nudges';
import { markMissed } from '../../domain/deadlines';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { AuditTrail } from '../../store/audit/audit-trail';
import { newId } from '../../store/model-registry';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import {
  NEXT_SWEEP_HOUR,
  nudgeHourOf,
  type DeadlineRecord,
} from '../../store/deadlines/deadline-model';
import type { NudgeRecord } from '../../store/nudges/nudge-model';
import { NudgeOutbox } from '../../store/nudges/nudge-outbox';
import { SweepLease } from '../../store/nudges/sweep-lease';
import type { Messenger } from '../messaging/messenger';
import { afterFailure, type BackoffPolicy } from '../messaging/send-backoff';
import { calendarOf } from '../organisations/register-organisation';
import { SYSTEM_ACTOR_ID } from '../shared/actor';
import type { AppContext } from '../shared/context';
import { nudgeMessage } from './nudge-message';
import { escalationRecipients } from './nudge-recipients';

export interface NudgeSweepOptions {
  policy?: NudgePolicy;
  /** Names this bot instance in leases and claims. */
  instanceId: string;
  /** One lease per slot of this length; the sweep's schedule should tick about as often. */
  leaseSlotMs?: number;
  batchSize?: number;
  /** A send claimed longer ago than this is taken to have died with its instance. */
  sendTimeoutMs?: number;
}

interface NudgePlan {
  nextNudgeAt: Date | null;
  nudgedThrough: number;
  nudgePlanFor: string;
}

export interface SweepReport {
  /** False when another instance held this slot's lease and this one did nothing. */
  swept: boolean;
  /** The hourly buckets read, or 'all' when every deadline was read (see hoursToRead). */
  hoursRead: number | 'all';
  deadlinesRead: number;
  nudgesQueued: number;
  nudgesRead: number;
  sent: number;
  retrying: number;
  cancelled: number;
}

/**
 * Reminders are bounded by their deadline's timetable rather than a count of attempts. No
 * jitter: one instance sweeps per lease slot, so retries are already paced by the sweep's tick.
 */
const NUDGE_BACKOFF: BackoffPolicy = {
  firstMs: 30_000,
  longestMs: 60 * 60 * 1000,
  jitter: false,
  onRefusal: 'wait-longest',
};

/** Past this, reading every deadline once is cheaper than reading each hour's bucket. */
const MAX_HOURS_BETWEEN_SWEEPS = 48;

/**
 * The deadline chaser. Each sweep (1) plans: reads only the deadlines whose nudge time has come,
 * writes an outbox record per stage and recipient (unique, so never twice), and moves each
 * deadline on to its next time; then (2) delivers: sends what is waiting in the outbox, each
 * record claimed by one instance, retrying 429s and 5xx after their Retry-After.
 *
 * The one window where a nudge can repeat: the platform accepted the message and this instance
 * died before recording it as sent. Another instance retries the claim once it is older than
 * `sendTimeoutMs`, and the person gets the same reminder twice. The window is one HTTP round trip
 * plus one database write.
 */
export class NudgeSweeper {
  private readonly policy: NudgePolicy;
  private readonly batchSize: number;
  private readonly sendTimeoutMs: number;
  private readonly lease: SweepLease;
  /** The hour of this instance's last completed planning; the next reads from there. */
  private plannedThrough: number | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly messenger: Messenger,
    private readonly options: NudgeSweepOptions,
  ) {
    this.policy = options.policy ?? DEFAULT_NUDGE_POLICY;
    this.batchSize = options.batchSize ?? 500;
    this.sendTimeoutMs = options.sendTimeoutMs ?? 10 * 60 * 1000;
    this.lease = new SweepLease(ctx.db, 'nudge-sweep', options.leaseSlotMs ?? 5 * 60 * 1000);
  }

  async sweep(): Promise<SweepReport> {
    const now = this.ctx.now();
    const report: SweepReport = {
      swept: false,
      hoursRead: 0,
      deadlinesRead: 0,
      nudgesQueued: 0,
      nudgesRead: 0,
      sent: 0,
      retrying: 0,
      cancelled: 0,
    };
    if (!(await this.lease.take(this.options.instanceId, now))) return report;
    report.swept = true;
    const calendars = new Map<string, WorkingDayCalendar>();
    const calendarFor = async (organisationId: string) => {
      let calendar = calendars.get(organisationId);
      if (!calendar) {
        calendar = await calendarOf(this.ctx, organisationId);
        calendars.set(organisationId, calendar);
      }
      return calendar;
    };
    await this.plan(now, calendarFor, report);
    await this.deliver(now, calendarFor, report);
    await this.lease.prune(new Date(now.getTime() - 24 * 3600 * 1000));
    return report;
  }

  private async plan(
    now: Date,
    calendarFor: (organisationId: string) => Promise<WorkingDayCalendar>,
    report: SweepReport,
  ): Promise<void> {
    const hours = this.hoursToRead(now);
    report.hoursRead = hours ? hours.length : 'all';
    for (const hour of hours ?? [undefined]) await this.planHour(hour, now, calendarFor, report);
    if (!hours) await this.fileUnfiled();
    this.plannedThrough = nudgeHourOf(now) ?? undefined;
  }

  /**
   * The buckets that may hold a deadline due now: the next-sweep bucket, and every hour since
   * this instance last planned, from the hour before it (another sweeper's clock may be a little
   * behind ours). Undefined means every deadline: the first sweep of a process, or one after a
   * long gap or a clock that went back, cannot know what other sweepers filed meanwhile.
   */
  private hoursToRead(now: Date): number[] | undefined {
    const current = nudgeHourOf(now);
    const last = this.plannedThrough;
    if (current === null || last === undefined) return undefined;
    if (current < last || current - last > MAX_HOURS_BETWEEN_SWEEPS) return undefined;
    const hours = Array.from({ length: current - last + 2 }, (_, i) => last - 1 + i);
    return [NEXT_SWEEP_HOUR, ...hours];
  }

  private async planHour(
    hour: number | undefined,
    now: Date,
    calendarFor: (organisationId: string) => Promise<WorkingDayCalendar>,
    report: SweepReport,
  ): Promise<void> {
    const book = new DeadlineBook(this.ctx.db);
    const seen = new Set<string>();
    for (;;) {
      const batch = (await book.dueForNudge(now, this.batchSize, hour)).filter(
        (d) => !seen.has(d._id),
      );
      report.deadlinesRead += batch.length;
      if (batch.length === 0) return;
      // Outbox records first, plans after: a sweep that dies between the two plans the same
      // deadlines again next time, and the outbox's unique key turns the repeat into nothing.
      const plans = new Map<string, { plan: NudgePlan; deadlines: DeadlineRecord[] }>();
      const outbox: NudgeRecord[] = [];
      for (const deadline of batch) {
        seen.add(deadline._id);
        const { plan, nudges } = await this.planOne(
          deadline,
          now,
          await calendarFor(deadline.organisationId),
        );
        outbox.push(...nudges);
        const key = JSON.stringify(plan);
        const group = plans.get(key) ?? { plan, deadlines: [] };
        group.deadlines.push(deadline);
        plans.set(key, group);
      }
      report.nudgesQueued += await new NudgeOutbox(this.ctx.db).queue(outbox);
      for (const { plan, deadlines } of plans.values())
        await book.recordNudgePlans(deadlines, plan);
    }
  }

  /** Files deadlines written before hourly buckets existed, so the hourly reads find them. */
  private async fileUnfiled(): Promise<void> {
    const book = new DeadlineBook(this.ctx.db);
    const seen = new Set<string>();
    for (;;) {
      const batch = (await book.unfiled(this.batchSize)).filter((d) => !seen.has(d._id));
      if (batch.length === 0) return;
      for (const d of batch) seen.add(d._id);
      await book.fileUnderHour(batch);
    }
  }

  private async planOne(
    deadline: DeadlineRecord,
    now: Date,
    calendar: WorkingDayCalendar,
  ): Promise<{ plan: NudgePlan; nudges: NudgeRecord[] }> {
    const dueOn = calendar.localDateOf(deadline.dueAt);
    if (deadline.state !== 'open' && deadline.state !== 'missed')
      return {
        plan: {
          nextNudgeAt: null,
          nudgedThrough: deadline.nudgedThrough ?? -1,
          nudgePlanFor: dueOn,
        },
        nudges: [],
      };
    if (deadline.state === 'open' && now > deadline.dueAt) await this.markMissed(deadline, now);

    const timetable = nudgeTimetable(deadline.dueAt, calendar, this.policy);
    const through =
      deadline.nudgePlanFor === dueOn
        ? (deadline.nudgedThrough ?? -1)
        : // A new deadline skips what it was set too late for; a moved one, what has passed.
          handledAtStart(timetable, deadline.nudgePlanFor ? now : deadline.createdAt);
    const decision = decideNudge(timetable, through, now, calendar, this.policy);
    let nudges: NudgeRecord[] = [];
    if (decision.send) {
      const recipients =
        decision.send.audience === 'owner'
          ? [deadline.ownerId]
          : await escalationRecipients(this.ctx, deadline);
      nudges = this.outboxRecords(
        deadline,
        `${decision.send.stage}@${dueOn}`,
        decision.send.audience,
        recipients,
        now,
      );
      if (decision.send.audience === 'escalation')
        await this.audit(deadline, 'deadline.escalated', now, { to: recipients });
    }
    // Always forward: a deadline read in this sweep is not due again until a later time.
    const nextAt = decision.nextAt && decision.nextAt > now ? decision.nextAt : null;
    return {
      plan: { nextNudgeAt: nextAt, nudgedThrough: decision.through, nudgePlanFor: dueOn },
      nudges,
    };
  }

  private async markMissed(deadline: DeadlineRecord, now: Date): Promise<void> {
    const next = markMissed(deadline, now);
    if (!next.ok) return;
    const saved = await new DeadlineBook(this.ctx.db).save(next.value);
    if (saved) await this.audit(deadline, 'deadline.missed', now);
  }

  /** The sweep's own changes are on the deadline's record like anyone's, by "system". */
  private async audit(
    deadline: DeadlineRecord,
    action: string,
    at: Date,
    details?: Record<string, unknown>,
  ): Promise<void> {
    await new AuditTrail(this.ctx.db).append({
      organisationId: deadline.organisationId,
      groupId: deadline.groupId,
      subject: { kind: 'deadline', id: deadline._id },
      action,
      actorId: SYSTEM_ACTOR_ID,
      at,
      ...(details ? { details } : {}),
    });
  }

  /** Outbox records, one per recipient; one that exists already will be left as it is. */
  private outboxRecords(
    deadline: DeadlineRecord,
    stage: string,
    audience: 'owner' | 'escalation',
    recipients: string[],
    now: Date,
  ): NudgeRecord[] {
    return recipients.map((recipientId) => ({
      _id: newId(),
      organisationId: deadline.organisationId,
      deadlineId: deadline._id,
      stage,
      recipientId,
      audience,
      state: 'pending' as const,
      createdAt: now,
      nextAttemptAt: now,
      attempts: 0,
      version: 0,
    }));
  }

  private async deliver(
    now: Date,
    calendarFor: (organisationId: string) => Promise<WorkingDayCalendar>,
    report: SweepReport,
  ): Promise<void> {
    const staleClaim = new Date(now.getTime() - this.sendTimeoutMs);
    const seen = new Set<string>();
    for (;;) {
      const batch = (
        await new NudgeOutbox(this.ctx.db).ready(now, staleClaim, this.batchSize)
      ).filter((n) => !seen.has(n._id));
      report.nudgesRead += batch.length;
      if (batch.length === 0) return;
      // The deadlines behind the batch in one read. One met since then has had its queued
      // reminders cancelled when it was met (DeadlineBook.save), so the claim below fails.
      const ids = [...new Set(batch.map((n) => n.deadlineId))];
      const deadlines = new Map(
        (await new DeadlineBook(this.ctx.db).byIds(ids)).map((d) => [d._id, d]),
      );
      for (const nudge of batch) {
        seen.add(nudge._id);
        await this.deliverOne(
          nudge,
          deadlines.get(nudge.deadlineId),
          now,
          await calendarFor(nudge.organisationId),
          report,
        );
      }
    }
  }

  private async deliverOne(
    nudge: NudgeRecord,
    deadline: DeadlineRecord | undefined,
    now: Date,
    calendar: WorkingDayCalendar,
    report: SweepReport,
  ): Promise<void> {
    const outbox = new NudgeOutbox(this.ctx.db);
    // The claim: of two instances reading the same record, one moves it to the next version.
    const claimed = await outbox.updateIfUnchanged(nudge, {
      state: 'sending',
      claimedAt: now,
      claimedBy: this.options.instanceId,
    });
    if (!claimed) return;
    if (!deadline || deadline.state === 'met' || deadline.state === 'waived') {
      await outbox.updateIfUnchanged(claimed, {
        state: 'cancelled',
        cancelledReason: deadline ? `deadline ${deadline.state}` : 'deadline removed',
      });
      report.cancelled += 1;
      return;
    }
    const message = await nudgeMessage(
      this.ctx,
      deadline,
      nudge.stage,
      nudge.audience === 'owner',
      calendar.zone,
    );
    const outcome = await this.messenger.send(
      { kind: 'person', organisationId: nudge.organisationId, personId: nudge.recipientId },
      message,
    );
    if (outcome.sent) {
      await outbox.updateIfUnchanged(claimed, {
        state: 'sent',
        sentAt: now,
        attempts: nudge.attempts + 1,
        ...(outcome.messageId ? { messageId: outcome.messageId } : {}),
      });
      report.sent += 1;
      return;
    }
    // Never dropped: a failure waits (Retry-After, or doubling from 30 s up to an hour, longer
    // for one the platform says will not work as it is) and stays on record with its reason.
    const next = afterFailure(outcome, nudge.attempts, NUDGE_BACKOFF);
    const wait = next.retry ? next.waitMs : NUDGE_BACKOFF.longestMs;
    const retryAt = nextWorkingTime(new Date(now.getTime() + wait), calendar, this.policy);
    await outbox.updateIfUnchanged(claimed, {
      state: 'pending',
      attempts: nudge.attempts + 1,
      nextAttemptAt: retryAt,
      lastError: outcome.reason,
    });
    report.retrying += 1;
  }
}
