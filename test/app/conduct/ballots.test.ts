import { recordAttendance } from '../../../src/app/conduct/attendance';
import {
  castVote,
  closeDueBallots,
  liftEndedBars,
  openBallot,
} from '../../../src/app/conduct/ballots';
import {
  conductHistory,
  openConductVote,
  warnMember,
} from '../../../src/app/conduct/conduct-steps';
import { declareInterest } from '../../../src/app/declarations/declaration-use-cases';
import { createGroup } from '../../../src/app/groups/create-group';
import { CHOICES, type Choice } from '../../../src/domain/conduct';
import { Types } from 'mongoose';
import { BallotBox } from '../../../src/store/conduct/ballot-box';
import { ballotModel, ballotRollModel, voteModel } from '../../../src/store/conduct/ballot-model';
import { inDeliveryScope } from '../../../src/store/delivery-scope';
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
    // Ready to take part (domain.md "Joining versus taking part"): a tenant, over 18 confirmed,
    // trained and the code of conduct signed; anyone less may not vote.
    const person = await seedPerson(ctx, org._id, `Member ${i} ${org._id}`, {
      facts: { tenure: 'tenant', over18Confirmed: true },
    });
    await membershipModel(ctx.db).create({
      organisationId: org._id,
      groupId: group.value._id,
      personId: person.personId,
      roles: ['member'],
      status: { kind: 'active' },
      termStartsOn: '2025-01-01',
      trainingDoneOn: '2025-01-10',
      codeOfConductSignedOn: '2025-01-10',
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

type Voter = Awaited<ReturnType<typeof meeting>>['present'][number];

/** The three members present at a meeting of three, each able to vote yes. */
function threeVoting(setup: Awaited<ReturnType<typeof meeting>>, ballotId: string) {
  const [first, second, third] = setup.present as [Voter, Voter, Voter];
  const vote = (voter: Voter) => castVote(setup.ctx, voter, { ballotId, choice: 'yes' });
  return { first, second, third, vote };
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

  it('a vote stored by a run that then died is counted by the next: a replay goes on to close the ballot, a new click is refused', async () => {
    const setup = await meeting(3);
    const ballot = await open(setup);
    const { first, second, third, vote } = threeVoting(setup, ballot._id);
    /** The voter's run stops where its process would have died: after the vote, before the rest. */
    const diesAfterTheVote = async (run: () => Promise<unknown>) => {
      const died = jest
        .spyOn(BallotBox.prototype, 'recordParticipation')
        .mockRejectedValueOnce(new Error('the process died'));
      await expect(run()).rejects.toThrow('the process died');
      died.mockRestore();
    };
    const box = new BallotBox(setup.ctx.db);
    expect(await vote(first)).toMatchObject({ ok: true });

    // A second click, not a replay: refused, and who voted is put right.
    await diesAfterTheVote(() => vote(second));
    expect(await box.hasVoted(ballot._id, second.personId)).toBe(false);
    expect(await vote(second)).toMatchObject({
      ok: false,
      refusals: [{ code: 'ballot.already-voted' }],
    });
    expect(await box.hasVoted(ballot._id, second.personId)).toBe(true);

    // The same delivery run again (see store/delivery-scope): the vote is counted, once, and as
    // the last one needed it closes the ballot, which the dead run never reached.
    const delivery = { id: 'slack:vote-third', seed: new Types.ObjectId().toHexString() };
    await diesAfterTheVote(() =>
      inDeliveryScope({ ...delivery, replay: false }, () => vote(third)),
    );
    expect((await box.byId(ballot._id))?.state).toBe('open');
    const again = await inDeliveryScope({ ...delivery, replay: true }, () => vote(third));
    expect(again).toMatchObject({
      ok: true,
      value: { changed: false, votesCast: 3, closed: { state: 'closed' } },
    });
    expect(await box.whoVoted(ballot._id)).toHaveLength(3);
    expect((await box.byId(ballot._id))?.outcome).toMatchObject({ yes: 3, no: 0, abstain: 0 });
  });

  it('a ballot that closes on a vote whose run died records that voter, and its replay hears it counted', async () => {
    const setup = await meeting(3);
    const ballot = await open(setup);
    const { first, second, third, vote } = threeVoting(setup, ballot._id);
    const box = new BallotBox(setup.ctx.db);
    const delivery = { id: 'slack:vote-first', seed: new Types.ObjectId().toHexString() };
    // The first voter's run stores the vote and dies before recording who voted.
    const died = jest
      .spyOn(BallotBox.prototype, 'recordParticipation')
      .mockRejectedValueOnce(new Error('the process died'));
    await expect(
      inDeliveryScope({ ...delivery, replay: false }, () => vote(first)),
    ).rejects.toThrow('the process died');
    died.mockRestore();

    // The other two vote before the replay comes round: the third vote is the last one needed.
    expect(await vote(second)).toMatchObject({ ok: true });
    expect(await vote(third)).toMatchObject({ ok: true, value: { closed: { state: 'closed' } } });
    expect((await box.whoVoted(ballot._id)).sort()).toEqual(
      [first, second, third].map((p) => p.personId).sort(),
    );
    expect((await box.byId(ballot._id))?.outcome).toMatchObject({ yes: 3, no: 0, abstain: 0 });

    const again = await inDeliveryScope({ ...delivery, replay: true }, () => vote(first));
    expect(again).toMatchObject({
      ok: false,
      refusals: [
        {
          code: 'ballot.closed',
          message: 'That ballot has closed; your vote was counted before it closed.',
        },
      ],
    });
    expect(await box.whoVoted(ballot._id)).toHaveLength(3);
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

  it('a secret ballot keeps who voted but not how: a dump after close joins no voter to a choice', async () => {
    const setup = await meeting(6);
    const ballot = await open(setup);
    // Six voters, one a minute, with choices the totals alone do not give away.
    const script: Choice[] = ['yes', 'no', 'yes', 'abstain', 'no', 'yes'];
    const known = new Map<string, Choice>();
    for (const [i, voter] of setup.present.entries()) {
      app.setNow(new Date(ballot.openedAt.getTime() + (i + 1) * 60_000));
      known.set(voter.personId, script[i]!);
      const cast = await castVote(app.ctx(), voter, { ballotId: ballot._id, choice: script[i]! });
      expect(cast.ok).toBe(true);
    }
    app.setNow('2026-03-02T18:30:00Z');
    const db = setup.ctx.db;
    const closed = await ballotModel(db).findById(ballot._id).lean();
    expect(closed?.state).toBe('closed');
    expect(closed?.voterKeySecret).toBeUndefined();
    expect(closed?.outcome).toEqual({ result: 'carried', yes: 3, no: 2, abstain: 1 });

    // The dump: every document of every collection, in natural (insertion) order.
    const dump = new Map<string, Array<Record<string, unknown>>>();
    for (const { name } of await db.db!.listCollections().toArray())
      dump.set(name, await db.db!.collection(name).find({}).toArray());
    const about = (docs: Array<Record<string, unknown>> | undefined) =>
      (docs ?? []).filter((d) => d.ballotId === ballot._id);
    const participations = about(dump.get('ballot_participation'));
    const votes = about(dump.get('votes'));

    // Who voted is on record, with nothing that times or orders it but its position.
    expect(participations.map((p) => p.personId).sort()).toEqual([...known.keys()].sort());
    for (const p of participations) {
      expect(Object.keys(p).sort()).toEqual(['_id', 'ballotId', 'personId']);
      expect(String(p._id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    }

    // The attack: line the participations up with the votes in natural order and sorted by
    // every field either has, and count the choices that come out right.
    const orderings = (docs: Array<Record<string, unknown>>) => {
      const fields = [...new Set(docs.flatMap((d) => Object.keys(d)))];
      return [
        docs,
        ...fields.map((f) => [...docs].sort((a, b) => (String(a[f]) < String(b[f]) ? -1 : 1))),
      ];
    };
    let best = 0;
    for (const byVoter of orderings(participations))
      for (const byChoice of orderings(votes)) {
        const right = byVoter.filter(
          (p, i) =>
            byChoice[i] !== undefined && known.get(String(p.personId)) === byChoice[i]!.choice,
        ).length;
        best = Math.max(best, right);
      }
    expect(best).toBe(0);

    // And no stored document that mentions the ballot holds a single choice anywhere in it.
    const holdsChoice = (value: unknown): boolean =>
      typeof value === 'string'
        ? (CHOICES as readonly string[]).includes(value)
        : value !== null && typeof value === 'object'
          ? Object.values(value as Record<string, unknown>).some(holdsChoice)
          : false;
    const mentioning = [...dump.values()]
      .flat()
      .filter((d) => JSON.stringify(d).includes(ballot._id));
    expect(mentioning.length).toBeGreaterThan(0);
    expect(mentioning.filter(holdsChoice)).toEqual([]);
  });

  it('the eligible voters are the members present who may take part: not barred, not conflicted, not staff', async () => {
    const setup = await meeting(4);
    const [ok, barred, brother, untrained] = setup.present as [
      (typeof setup.present)[0],
      (typeof setup.present)[0],
      (typeof setup.present)[0],
      (typeof setup.present)[0],
    ];
    const { ctx, groupId } = setup;
    // A member of staff is recorded present too (attendance takes any active membership).
    const staff = await seedPerson(ctx, setup.org._id, `Stan Staff ${setup.org._id}`, {
      facts: { tenure: 'tenant', over18Confirmed: true },
    });
    await membershipModel(ctx.db).create({
      organisationId: setup.org._id,
      groupId,
      personId: staff.personId,
      roles: ['staff'],
      status: { kind: 'active' },
      trainingDoneOn: '2025-01-10',
      codeOfConductSignedOn: '2025-01-10',
      joinedAt: ctx.now(),
    });
    expect(
      (await recordAttendance(ctx, setup.officer, { groupId, personIds: [staff.personId] })).ok,
    ).toBe(true);
    // Barred that morning, after attendance was taken.
    await membershipModel(ctx.db).updateOne(
      { groupId, personId: barred.personId },
      { $set: { status: { kind: 'barred', until: '2026-09-02', reason: 'a vote' } } },
    );
    await membershipModel(ctx.db).updateOne(
      { groupId, personId: untrained.personId },
      { $unset: { trainingDoneOn: 1 } },
    );
    // A declaration naming the member concerned, as the member wrote it.
    const declared = await declareInterest(ctx, brother, {
      groupId,
      kind: 'relative-on-staff',
      detail: `my brother ${setup.subject.displayName} works in repairs`,
    });
    expect(declared.ok).toBe(true);

    const ballot = await open(setup);
    expect(ballot.eligible).toEqual([ok.personId]);
    for (const voter of [barred, brother, untrained, staff])
      expect(await castVote(ctx, voter, { ballotId: ballot._id, choice: 'yes' })).toMatchObject({
        ok: false,
        refusals: [{ code: 'ballot.not-eligible' }],
      });
    const opened = await conductEventModel(ctx.db)
      .findOne({ kind: 'ballot-opened', key: ballot._id })
      .lean();
    expect(opened?.details?.notEligible).toEqual(
      expect.arrayContaining([
        { personId: barred.personId, reasons: ['cannot-take-part'] },
        { personId: brother.personId, reasons: ['declared-interest'] },
        { personId: untrained.personId, reasons: ['cannot-take-part'] },
        { personId: staff.personId, reasons: ['not-a-member'] },
      ]),
    );
  });

  it('Southampton: warnings belong to a meeting; the vote needs the warnings of that meeting, and history keeps them all', async () => {
    app.setNow('2026-02-02T18:30:00Z');
    const setup = await meeting(3);
    const target = { groupId: setup.groupId, subjectId: setup.subject.personId };
    for (const reason of ['Talking over the chair', 'Again', 'Personal remarks'])
      expect(await warnMember(app.ctx(), setup.officer, { ...target, reason })).toMatchObject({
        ok: true,
      });

    // The next meeting, a month on: the member starts again at warning 1.
    app.setNow('2026-03-02T18:30:00Z');
    const ctx = app.ctx();
    expect(
      (
        await recordAttendance(ctx, setup.officer, {
          groupId: setup.groupId,
          personIds: [setup.subject.personId, ...setup.present.map((p) => p.personId)],
        })
      ).ok,
    ).toBe(true);
    expect(
      await openConductVote(ctx, setup.officer, { ...target, action: 'leave-meeting' }),
    ).toMatchObject({
      ok: false,
      refusals: [{ code: 'conduct.warnings-first' }],
    });
    expect(await warnMember(ctx, setup.officer, { ...target, reason: 'Shouting' })).toEqual({
      ok: true,
      value: { number: 1, of: 3 },
    });
    const early = await openConductVote(ctx, setup.officer, { ...target, action: 'leave-meeting' });
    expect(early).toMatchObject({ ok: false, refusals: [{ code: 'conduct.warnings-first' }] });
    expect(early.ok ? '' : early.refusals[0]!.message).toContain(
      '1 has been given at today’s meeting',
    );
    await warnMember(ctx, setup.officer, { ...target, reason: 'Still shouting' });
    await warnMember(ctx, setup.officer, { ...target, reason: 'Swearing' });
    expect(await warnMember(ctx, setup.officer, { ...target, reason: 'More' })).toMatchObject({
      ok: false,
      refusals: [{ code: 'conduct.warnings-used' }],
    });
    const vote = await openConductVote(ctx, setup.officer, { ...target, action: 'leave-meeting' });
    expect(vote.ok).toBe(true);

    const history = await conductHistory(ctx, setup.officer, target);
    if (!history.ok) throw new Error(JSON.stringify(history.refusals));
    expect(
      history.value.filter((e) => e.kind === 'warned').map((e) => [e.meetingOn, e.number]),
    ).toEqual([
      ['2026-02-02', 1],
      ['2026-02-02', 2],
      ['2026-02-02', 3],
      ['2026-03-02', 1],
      ['2026-03-02', 2],
      ['2026-03-02', 3],
    ]);
  });

  it('conduct vote asked by a member says only that they may not, whatever is on record', async () => {
    const setup = await meeting(3);
    const target = { groupId: setup.groupId, subjectId: setup.subject.personId };
    await warnMember(setup.ctx, setup.officer, { ...target, reason: 'Talking over the chair' });
    const asked = await openConductVote(setup.ctx, setup.present[0]!, {
      ...target,
      action: 'leave-meeting',
    });
    expect(asked).toEqual({
      ok: false,
      refusals: [
        { code: 'not-allowed', message: 'Only an officer or the chair can open a ballot.' },
      ],
    });
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

  it('who may vote is kept in the ballot roll, apart from the ballot a vote reads', async () => {
    const setup = await meeting(3);
    const ballot = await open(setup);
    const stored = await ballotModel(setup.ctx.db).findById(ballot._id).lean();
    expect(stored).not.toHaveProperty('eligible');
    const roll = await ballotRollModel(setup.ctx.db).findById(ballot._id).lean();
    expect(roll?.eligible).toEqual(ballot.eligible);
    expect(roll?.organisationId).toBe(setup.org._id);
    const outsider = await seedPerson(setup.ctx, setup.org._id, `Outsider ${setup.org._id}`);
    expect(
      await castVote(setup.ctx, outsider, { ballotId: ballot._id, choice: 'yes' }),
    ).toMatchObject({ ok: false, refusals: [{ code: 'ballot.not-present' }] });
    for (const voter of setup.present)
      await castVote(setup.ctx, voter, { ballotId: ballot._id, choice: 'no' });
    expect((await ballotModel(setup.ctx.db).findById(ballot._id).lean())?.outcome).toEqual({
      result: 'not-carried',
      yes: 0,
      no: 3,
      abstain: 0,
    });
  });

  it('a ballot stored before rolls were kept apart still takes its voters from itself', async () => {
    const setup = await meeting(2);
    const ballot = await open(setup);
    // As a ballot opened by an earlier release was stored: its voters inside it, no roll.
    await ballotModel(setup.ctx.db).updateOne(
      { _id: ballot._id },
      { $set: { eligible: ballot.eligible } },
    );
    await ballotRollModel(setup.ctx.db).deleteOne({ _id: ballot._id });
    const [first, second] = setup.present;
    const cast = await castVote(setup.ctx, first!, { ballotId: ballot._id, choice: 'yes' });
    expect(cast).toMatchObject({ ok: true, value: { votesCast: 1 } });
    await castVote(setup.ctx, second!, { ballotId: ballot._id, choice: 'yes' });
    expect((await ballotModel(setup.ctx.db).findById(ballot._id).lean())?.state).toBe('closed');
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
