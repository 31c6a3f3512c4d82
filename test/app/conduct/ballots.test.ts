import { recordAttendance } from '../../../src/app/conduct/attendance';
import {
  castVote,
  closeDueBallots,
  liftEndedBars,
  openBallot,
} from '../../../src/app/conduct/ballots';
import { createGroup } from '../../../src/app/groups/create-group';
import {
  ballotModel,
  ballotParticipationModel,
  voteModel,
} from '../../../src/store/conduct/ballot-model';
import { conductEventModel } from '../../../src/store/conduct/conduct-event-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-03-02T18:30:00Z');

async function meeting(voters = 12) {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, `Fay Facilitator ${org._id}`, { officer: true });
  const group = await createGroup(ctx, officer, {
    name: `Inspectors ${org._id}`,
    presetKey: 'southampton-ti',
  });
  if (!group.ok) throw new Error(JSON.stringify(group.refusals));
  const people = [];
  for (let i = 0; i <= voters; i++) {
    const person = await seedPerson(ctx, org._id, `Member ${i} ${org._id}`);
    await membershipModel(ctx.db).create({
      organisationId: org._id,
      groupId: group.value._id,
      personId: person.personId,
      roles: ['member'],
      status: { kind: 'active' },
      termStartsOn: '2025-01-01',
      joinedAt: ctx.now(),
    });
    people.push(person);
  }
  const [subject, ...present] = people as [(typeof people)[0], ...typeof people];
  const recorded = await recordAttendance(ctx, officer, {
    groupId: group.value._id,
    personIds: [subject.personId, ...present.map((p) => p.personId)],
  });
  expect(recorded.ok).toBe(true);
  return { ctx, org, officer, groupId: group.value._id, subject, present };
}

async function open(
  setup: Awaited<ReturnType<typeof meeting>>,
  question: 'asked-to-leave' | 'barred-for-a-period' = 'asked-to-leave',
  extra: { barMonths?: number; conflicted?: string[] } = {},
) {
  const opened = await openBallot(setup.ctx, setup.officer, {
    groupId: setup.groupId,
    subjectId: setup.subject.personId,
    question,
    ...extra,
  });
  if (!opened.ok) throw new Error(JSON.stringify(opened.refusals));
  return opened.value;
}

describe('conduct ballots on the real database', () => {
  it('12 voters clicking at once give an exact tally, and the ballot closes when all have voted', async () => {
    const setup = await meeting(12);
    const ballot = await open(setup);
    expect(ballot.eligible).toHaveLength(12);
    const results = await Promise.all(
      setup.present.map((voter, i) =>
        castVote(setup.ctx, voter, { ballotId: ballot._id, choice: i < 7 ? 'yes' : 'no' }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.value.closed)).toHaveLength(1);
    const closed = await ballotModel(setup.ctx.db).findById(ballot._id).lean();
    expect(closed?.state).toBe('closed');
    expect(closed?.outcome).toEqual({ result: 'carried', yes: 7, no: 5, abstain: 0 });
    const events = await conductEventModel(setup.ctx.db)
      .find({ subjectId: setup.subject.personId })
      .lean();
    expect(events.map((e) => e.kind).sort()).toEqual([
      'asked-to-leave',
      'ballot-closed',
      'ballot-opened',
    ]);
  });

  it('a double click is one vote; a vote after close is refused; the subject and the absent cannot vote', async () => {
    const setup = await meeting(3);
    const ballot = await open(setup);
    const [first, second] = setup.present as [(typeof setup.present)[0], (typeof setup.present)[0]];
    const twice = await Promise.all([
      castVote(setup.ctx, first, { ballotId: ballot._id, choice: 'yes' }),
      castVote(setup.ctx, first, { ballotId: ballot._id, choice: 'yes' }),
    ]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(twice.find((r) => !r.ok)).toMatchObject({
      refusals: [{ code: 'ballot.already-voted' }],
    });
    expect(await voteModel(setup.ctx.db).countDocuments({ ballotId: ballot._id })).toBe(1);

    expect(
      await castVote(setup.ctx, setup.subject, { ballotId: ballot._id, choice: 'no' }),
    ).toMatchObject({ ok: false, refusals: [{ code: 'ballot.own-case' }] });
    const stranger = await seedPerson(setup.ctx, setup.org._id, `Absent ${setup.org._id}`);
    expect(
      await castVote(setup.ctx, stranger, { ballotId: ballot._id, choice: 'no' }),
    ).toMatchObject({ ok: false, refusals: [{ code: 'ballot.not-present' }] });

    app.setNow(new Date(ballot.closesAt.getTime() + 1000));
    expect((await closeDueBallots(app.ctx())).map((b) => b._id)).toEqual([ballot._id]);
    expect(await castVote(app.ctx(), second, { ballotId: ballot._id, choice: 'no' })).toMatchObject(
      { ok: false, refusals: [{ code: 'ballot.closed' }] },
    );
    // One yes of three eligible: no quorum rule here, so a simple majority of votes cast.
    expect((await ballotModel(setup.ctx.db).findById(ballot._id).lean())?.outcome).toEqual({
      result: 'carried',
      yes: 1,
      no: 0,
      abstain: 0,
    });
    app.setNow('2026-03-02T18:30:00Z');
  });

  it('a member with a declared conflict about the subject is not eligible', async () => {
    const setup = await meeting(3);
    const conflicted = setup.present[0]!;
    const ballot = await open(setup, 'asked-to-leave', { conflicted: [conflicted.personId] });
    expect(ballot.eligible).toHaveLength(2);
    expect(
      await castVote(setup.ctx, conflicted, { ballotId: ballot._id, choice: 'yes' }),
    ).toMatchObject({ ok: false, refusals: [{ code: 'ballot.not-eligible' }] });
  });

  it('a secret ballot keeps who voted but not how: once closed, no stored record joins a voter to a choice', async () => {
    const setup = await meeting(4);
    const ballot = await open(setup);
    for (const [i, voter] of setup.present.entries())
      await castVote(setup.ctx, voter, { ballotId: ballot._id, choice: i % 2 ? 'no' : 'yes' });
    const db = setup.ctx.db;
    const closed = await ballotModel(db).findById(ballot._id).lean();
    expect(closed?.state).toBe('closed');
    expect(closed?.voterKeySecret).toBeUndefined();
    const participants = await ballotParticipationModel(db).find({ ballotId: ballot._id }).lean();
    expect(participants.map((p) => p.personId).sort()).toEqual(
      setup.present.map((p) => p.personId).sort(),
    );
    const votes = await voteModel(db).find({ ballotId: ballot._id }).lean();
    expect(votes).toHaveLength(4);
    const ids = new Set(setup.present.map((p) => p.personId));
    for (const vote of votes) {
      expect(Object.keys(vote).sort()).toEqual(['_id', 'ballotId', 'choice', 'voterKey']);
      expect(ids.has(vote.voterKey)).toBe(false);
      // A random id, not an ObjectId, so no time of voting hides in it to line up with.
      expect(vote._id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    }
  });

  it('a carried bar sets the member barred until its end, and the bar lifts itself on that date', async () => {
    const setup = await meeting(3);
    const ballot = await open(setup, 'barred-for-a-period', { barMonths: 6 });
    for (const voter of setup.present)
      await castVote(setup.ctx, voter, { ballotId: ballot._id, choice: 'yes' });
    const barred = await membershipModel(setup.ctx.db)
      .findOne({ groupId: setup.groupId, personId: setup.subject.personId })
      .lean();
    expect(barred?.status).toEqual({
      kind: 'barred',
      until: '2026-09-02',
      reason: 'barred for 6 months by a vote of the members present',
    });
    app.setNow('2026-09-01T12:00:00Z');
    await liftEndedBars(app.ctx());
    expect(
      (
        await membershipModel(setup.ctx.db)
          .findOne({ groupId: setup.groupId, personId: setup.subject.personId })
          .lean()
      )?.status.kind,
    ).toBe('barred');
    app.setNow('2026-09-02T07:00:00Z');
    expect(await liftEndedBars(app.ctx())).toBeGreaterThanOrEqual(1);
    expect(
      (
        await membershipModel(setup.ctx.db)
          .findOne({ groupId: setup.groupId, personId: setup.subject.personId })
          .lean()
      )?.status.kind,
    ).toBe('active');
    app.setNow('2026-03-02T18:30:00Z');
  });
});

describe('the ballot schedule', () => {
  it('reminds each eligible member who has not voted once before the close, then announces the result', async () => {
    const { RecordingMessenger } = await import('../../support/recording-messenger');
    const { runBallotJobs } = await import('../../../src/app/conduct/ballot-schedule');
    const { createLogger } = await import('../../../src/log/logger');
    app.setNow('2026-03-02T18:30:00Z');
    const setup = await meeting(3);
    const ballot = await open(setup);
    await castVote(setup.ctx, setup.present[0]!, { ballotId: ballot._id, choice: 'yes' });
    const messenger = new RecordingMessenger();
    const log = createLogger('silent');
    app.setNow(new Date(ballot.closesAt.getTime() - 5 * 60_000));
    await runBallotJobs(app.ctx(), messenger, log);
    await runBallotJobs(app.ctx(), messenger, log);
    const reminded = messenger.sent
      .filter((s) => s.to.kind === 'person' && s.to.organisationId === setup.org._id)
      .map((s) => (s.to as { personId: string }).personId)
      .sort();
    expect(reminded).toEqual(
      setup.present
        .slice(1)
        .map((p) => p.personId)
        .sort(),
    );

    app.setNow(new Date(ballot.closesAt.getTime() + 1000));
    const report = await runBallotJobs(app.ctx(), messenger, log);
    expect(report.closed).toBeGreaterThanOrEqual(1);
    expect(
      messenger.sent.some(
        (s) =>
          s.to.kind === 'person' &&
          s.to.personId === setup.subject.personId &&
          s.message.text.includes('asked to leave'),
      ),
    ).toBe(true);
    app.setNow('2026-03-02T18:30:00Z');
  });
});
