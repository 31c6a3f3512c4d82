import { startDeadline } from '../../../src/app/deadlines/start-deadline';
import { meetDeadline } from '../../../src/app/deadlines/deadline-use-cases';
import { NudgeSweeper } from '../../../src/app/nudges/nudge-sweep';
import { createGroup } from '../../../src/app/groups/create-group';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { nudgeModel } from '../../../src/store/nudges/nudge-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';
import { RecordingMessenger } from '../../support/recording-messenger';

const app = useTestApp('2026-11-20T10:00:00Z');

async function setUp() {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, `Olive Officer ${org._id}`, { officer: true });
  const lead = await seedPerson(ctx, org._id, `Sam Servicelead ${org._id}`);
  return { ctx, org, officer, lead };
}

async function deadlineDue(
  setup: Awaited<ReturnType<typeof setUp>>,
  dueOn: string,
  extra: {
    groupId?: string;
    subjectId?: string;
    kind?: 'information-request' | 'improvement-plan';
  } = {},
) {
  return startDeadline(setup.ctx, {
    organisationId: setup.org._id,
    groupId: extra.groupId,
    kind: extra.kind ?? 'information-request',
    subject: { kind: 'test', id: extra.subjectId ?? `${setup.org._id}-${dueOn}` },
    ownerId: setup.lead.personId,
    from: setup.ctx.now(),
    dueOn,
    startedBy: setup.officer.personId,
  });
}

let instance = 0;
function sweeper(messenger: RecordingMessenger, options: { leaseSlotMs?: number } = {}) {
  instance += 1;
  return new NudgeSweeper(app.ctx(), messenger, {
    instanceId: `test-${instance}`,
    ...options,
  });
}

/** Sweeps at each instant in turn, as the schedule would, with one scheduler. */
async function sweepAt(messenger: RecordingMessenger, ...instants: string[]) {
  return sweepWith(sweeper(messenger), ...instants);
}

async function sweepWith(one: NudgeSweeper, ...instants: string[]) {
  const reports = [];
  for (const at of instants) {
    app.setNow(at);
    reports.push(await one.sweep());
  }
  return reports;
}

/**
 * Each morning at `time` from `first` through `last` (UTC), as a daily schedule would. Tests
 * share the database and so the sweep leases: each test sweeps at its own times.
 */
function mornings(first: string, last: string, time: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${first}T${time}Z`); d <= new Date(`${last}T${time}Z`);) {
    days.push(d.toISOString());
    d = new Date(d.getTime() + 24 * 3600 * 1000);
  }
  return days;
}

describe('the nudge sweep, on the real database with an injected clock', () => {
  // Each test's deadlines are its own: what earlier tests left is put out of the sweep's way.
  beforeEach(async () => {
    await deadlineModel(app.ctx().db).updateMany({}, { $set: { nextNudgeAt: null } });
    await nudgeModel(app.ctx().db).updateMany(
      { state: { $in: ['pending', 'sending'] } },
      { $set: { state: 'cancelled', cancelledReason: 'earlier test' } },
    );
  });

  it('follows the timetable across a weekend: 3 and 1 working days before, the due morning, overdue mornings', async () => {
    const setup = await setUp();
    await deadlineDue(setup, '2026-12-02');
    const messenger = new RecordingMessenger();
    await sweepAt(
      messenger,
      '2026-11-26T16:00:00Z', // Thursday: nothing yet
      '2026-11-27T09:05:00Z', // Friday: 3 working days before
      '2026-11-27T14:00:00Z', // the same day again: nothing twice
      '2026-11-28T10:00:00Z', // Saturday
      '2026-11-30T09:05:00Z', // Monday: nothing (the next is Tuesday's)
      '2026-12-01T09:05:00Z', // Tuesday: 1 working day before
      '2026-12-02T09:05:00Z', // Wednesday: due today
      '2026-12-03T09:05:00Z', // Thursday: overdue 1
      '2026-12-05T11:00:00Z', // Saturday: nothing
      '2026-12-07T09:05:00Z', // Monday: overdue 3 (Friday's overdue 2 was missed while down)
    );
    expect(messenger.to(setup.lead.personId)).toEqual([
      'Reminder: due in 3 working days',
      'Reminder: due on the next working day',
      'Due today',
      'Overdue: please deal with it as soon as you can',
      'Overdue: please deal with it as soon as you can',
    ]);
    const stages = await nudgeModel(app.ctx().db)
      .find({ organisationId: setup.org._id })
      .sort({ createdAt: 1 })
      .lean();
    expect(stages.map((n) => n.stage)).toEqual([
      'before-3@2026-12-02',
      'before-1@2026-12-02',
      'due@2026-12-02',
      'overdue-1@2026-12-02',
      'overdue-3@2026-12-02',
    ]);
    expect(stages.every((n) => n.state === 'sent')).toBe(true);
    const stored = await deadlineModel(app.ctx().db)
      .findOne({ organisationId: setup.org._id })
      .lean();
    expect(stored?.state).toBe('missed');
  });

  it('waits out a bank holiday and the hours before nine', async () => {
    const setup = await setUp();
    await deadlineDue(setup, '2026-12-29');
    const messenger = new RecordingMessenger();
    await sweepAt(
      messenger,
      '2026-12-24T09:05:00Z', // Christmas Eve is a working day: 1 working day before
      '2026-12-28T10:00:00Z', // the Boxing Day substitute holiday: nothing
      '2026-12-29T07:00:00Z', // due day, before nine: nothing yet
    );
    expect(messenger.to(setup.lead.personId)).toEqual(['Reminder: due on the next working day']);
    const waiting = await deadlineModel(app.ctx().db)
      .findOne({ organisationId: setup.org._id })
      .lean();
    expect(waiting?.nextNudgeAt?.toISOString()).toBe('2026-12-29T09:00:00.000Z');
    await sweepAt(messenger, '2026-12-29T09:01:00Z');
    expect(messenger.to(setup.lead.personId).at(-1)).toBe('Due today');
  });

  it('keeps nine o’clock local across the clock change', async () => {
    const setup = await setUp();
    app.setNow('2026-03-20T10:00:00Z');
    await deadlineDue(setup, '2026-03-31');
    const messenger = new RecordingMessenger();
    await sweepAt(messenger, '2026-03-30T07:55:00Z'); // 08:55 BST
    expect(messenger.to(setup.lead.personId)).toEqual([]);
    await sweepAt(messenger, '2026-03-30T08:01:00Z'); // 09:01 BST
    expect(messenger.to(setup.lead.personId)).toEqual(['Reminder: due on the next working day']);
  });

  it('a met deadline gets no further nudges, and one waiting to be retried is cancelled', async () => {
    const setup = await setUp();
    app.setNow('2026-11-20T10:00:00Z');
    const deadline = await deadlineDue(setup, '2026-12-09');
    const messenger = new RecordingMessenger();
    messenger.failNext({ sent: false, retryable: true, reason: 'Slack 503' });
    await sweepAt(messenger, '2026-12-04T09:05:00Z');
    expect(messenger.to(setup.lead.personId)).toEqual([]);
    const met = await meetDeadline(setup.ctx, setup.lead, { deadlineId: deadline._id });
    expect(met.ok).toBe(true);
    await sweepAt(
      messenger,
      '2026-12-04T10:05:00Z',
      '2026-12-08T09:05:00Z',
      '2026-12-10T09:05:00Z',
    );
    expect(messenger.to(setup.lead.personId)).toEqual([]);
    const nudges = await nudgeModel(app.ctx().db).find({ deadlineId: deadline._id }).lean();
    expect(nudges.map((n) => [n.state, n.cancelledReason])).toEqual([
      ['cancelled', 'deadline met'],
    ]);
  });

  it('escalates to the group’s officer and chair, and says so in the audit trail', async () => {
    const setup = await setUp();
    app.setNow('2026-11-20T10:00:00Z');
    const group = await createGroup(setup.ctx, setup.officer, {
      name: `Panel ${setup.org._id}`,
      presetKey: 'sedgemoor-scrutiny',
    });
    if (!group.ok) throw new Error(JSON.stringify(group.refusals));
    const chair = await seedPerson(setup.ctx, setup.org._id, `Chris Chair ${setup.org._id}`);
    // The officer who created the group is its officer; the chair is seated directly.
    await membershipModel(setup.ctx.db).create({
      organisationId: setup.org._id,
      groupId: group.value._id,
      personId: chair.personId,
      roles: ['chair'],
      status: { kind: 'active' },
      termStartsOn: '2026-01-01',
      joinedAt: setup.ctx.now(),
    });
    const deadline = await deadlineDue(setup, '2026-12-02', { groupId: group.value._id });
    const messenger = new RecordingMessenger();
    // Overdue 1, 2 and 3 on Thu, Fri, Mon; escalation on Tuesday 8 December.
    await sweepAt(messenger, '2026-12-08T09:17:00Z');
    expect(messenger.to(chair.personId)).toEqual([
      `Overdue and still not answered by Sam Servicelead ${setup.org._id}`,
    ]);
    expect(messenger.to(setup.officer.personId)).toHaveLength(1);
    expect(messenger.to(setup.lead.personId)).toEqual([]);
    const escalated = await new AuditTrail(setup.ctx.db).forSubject('deadline', deadline._id);
    expect(escalated.map((e) => e.action)).toEqual(
      expect.arrayContaining(['deadline.missed', 'deadline.escalated']),
    );
  });

  it('two schedulers racing on the same database send each nudge once, lease or no lease', async () => {
    const setup = await setUp();
    app.setNow('2026-11-20T10:00:00Z');
    for (let i = 0; i < 25; i++) await deadlineDue(setup, '2026-12-16', { subjectId: `race-${i}` });
    const messenger = new RecordingMessenger();
    app.setNow('2026-12-11T09:05:00Z');
    // Same slot: the lease lets one through. Different slot lengths: both sweep at once, and
    // the outbox key and per-record claims still let each nudge out once.
    const reports = await Promise.all([
      sweeper(messenger).sweep(),
      sweeper(messenger).sweep(),
      sweeper(messenger, { leaseSlotMs: 60_000 }).sweep(),
      sweeper(messenger, { leaseSlotMs: 120_000 }).sweep(),
    ]);
    expect(reports.filter((r) => r.swept)).toHaveLength(3);
    const sentTo = messenger.sent.filter((s) => s.to.organisationId === setup.org._id);
    expect(sentTo).toHaveLength(25);
    expect(await nudgeModel(app.ctx().db).countDocuments({ organisationId: setup.org._id })).toBe(
      25,
    );
  });

  it('a restart mid-sweep loses nothing: the next sweep sends the rest, and the interrupted one once', async () => {
    const setup = await setUp();
    app.setNow('2026-11-20T10:00:00Z');
    for (let i = 0; i < 6; i++) await deadlineDue(setup, '2026-12-17', { subjectId: `crash-${i}` });
    const messenger = new RecordingMessenger();
    messenger.crashOn = 3;
    app.setNow('2026-12-14T09:05:00Z');
    await expect(sweeper(messenger).sweep()).rejects.toThrow('process died mid-send');
    expect(messenger.sent.filter((s) => s.to.organisationId === setup.org._id)).toHaveLength(2);
    expect(await nudgeModel(app.ctx().db).countDocuments({ organisationId: setup.org._id })).toBe(
      6,
    );

    // Another instance, after the dead one's claim has timed out.
    messenger.crashOn = undefined;
    app.setNow('2026-12-14T09:25:00Z');
    await sweeper(messenger).sweep();
    const ids = messenger.sent
      .filter((s) => s.to.organisationId === setup.org._id)
      .map((s) => (s.message.card?.viewModel as { deadlineId: string }).deadlineId);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('a retryable failure waits for its Retry-After, then is sent, and the attempts are on record', async () => {
    const setup = await setUp();
    app.setNow('2026-11-20T10:00:00Z');
    const deadline = await deadlineDue(setup, '2026-12-21');
    const messenger = new RecordingMessenger();
    messenger.failNext({
      sent: false,
      retryable: true,
      reason: 'rate limited',
      retryAfterMs: 600_000,
    });
    await sweepAt(messenger, '2026-12-16T09:01:00Z');
    const waiting = await nudgeModel(app.ctx().db).findOne({ deadlineId: deadline._id }).lean();
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: 'rate limited' });
    expect(waiting?.nextAttemptAt.toISOString()).toBe('2026-12-16T09:11:00.000Z');
    await sweepAt(messenger, '2026-12-16T09:06:00Z');
    expect(messenger.to(setup.lead.personId)).toEqual([]);
    await sweepAt(messenger, '2026-12-16T09:11:00Z');
    expect(messenger.to(setup.lead.personId)).toEqual(['Reminder: due in 3 working days']);
    expect(await nudgeModel(app.ctx().db).findById(waiting?._id).lean()).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('after its first sweep, an instance reads only the hours since its last, and still sends each nudge on time', async () => {
    const setup = await setUp();
    app.setNow('2026-11-20T10:00:00Z');
    const deadline = await deadlineDue(setup, '2026-12-16');
    const messenger = new RecordingMessenger();
    const one = sweeper(messenger);
    const reports = await sweepWith(one, ...mornings('2026-11-21', '2026-12-11', '09:20:00'));
    expect(reports[0]?.hoursRead).toBe('all');
    // The next-sweep bucket, and each hour from the one before the last sweep's to this one.
    expect(reports.slice(1).map((r) => r.hoursRead)).toEqual(reports.slice(1).map(() => 27));
    expect(messenger.to(setup.lead.personId)).toEqual(['Reminder: due in 3 working days']);
    const [sent] = await nudgeModel(app.ctx().db).find({ deadlineId: deadline._id }).lean();
    expect(sent?.sentAt?.toISOString()).toBe('2026-12-11T09:20:00.000Z');
  });

  it('a deadline opened by an instance whose clock is behind is still nudged by the next sweep', async () => {
    const setup = await setUp();
    const messenger = new RecordingMessenger();
    const one = sweeper(messenger);
    await sweepWith(one, '2026-12-11T08:40:00Z', '2026-12-11T09:25:00Z');
    // Three hours behind: were it filed under its own hour, the sweeper would not read it again.
    app.setNow('2026-12-11T06:00:00Z');
    await deadlineDue(setup, '2026-12-16');
    const [report] = await sweepWith(one, '2026-12-11T09:30:00Z');
    expect(report?.hoursRead).toBe(3);
    expect(messenger.to(setup.lead.personId)).toEqual(['Reminder: due in 3 working days']);
  });

  it('a deadline stored before hourly buckets is filed by a first sweep, and nudged on time by later ones', async () => {
    const setup = await setUp();
    app.setNow('2026-11-20T10:00:00Z');
    const deadline = await deadlineDue(setup, '2026-12-16');
    const messenger = new RecordingMessenger();
    await sweepAt(messenger, '2026-11-20T10:35:00Z');
    // As an earlier version left it: a time to look again, and no bucket.
    const deadlines = deadlineModel(app.ctx().db);
    await deadlines.updateOne({ _id: deadline._id }, { $unset: { nudgeHour: 1 } });
    const restarted = sweeper(messenger);
    await sweepWith(restarted, '2026-11-20T10:40:00Z');
    const filed = await deadlines.findById(deadline._id).lean();
    expect(filed?.nextNudgeAt?.toISOString()).toBe('2026-12-11T09:00:00.000Z');
    expect(filed?.nudgeHour).toBe(Date.parse('2026-12-11T09:00:00Z') / 3600_000);
    const reports = await sweepWith(restarted, ...mornings('2026-11-21', '2026-12-11', '09:35:00'));
    expect(reports.every((r) => typeof r.hoursRead === 'number')).toBe(true);
    expect(messenger.to(setup.lead.personId)).toEqual(['Reminder: due in 3 working days']);
  });
});
