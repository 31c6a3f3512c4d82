import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  ballotShouldClose,
  CHOICES,
  decideBallot,
  DEFAULT_BALLOT_RULES,
  whoMayVote,
  type BallotRules,
  type Choice,
  type Tally,
} from '../../domain/conduct';
import { declarationNamesPerson } from '../../domain/declarations';
import { barUntil } from '../../domain/people';
import { ok, refuse, type Refusal, type Result } from '../../domain/shared/result';
import { isDuplicateKeyError } from '../../store/connection';
import {
  ballotModel,
  ballotParticipationModel,
  voteModel,
  type BallotQuestion,
  type BallotRecord,
} from '../../store/conduct/ballot-model';
import { attendanceModel } from '../../store/conduct/attendance-model';
import { conductEventModel } from '../../store/conduct/conduct-event-model';
import { declarationModel } from '../../store/declarations/declaration-model';
import { groupModel } from '../../store/groups/group-model';
import { personModel } from '../../store/people/person-model';
import { membershipModel, type MembershipRecord } from '../../store/people/membership-model';
import { updateIfUnchanged } from '../../store/versioned-update';
import { calendarOf } from '../organisations/register-organisation';
import { saveStatus } from '../people/member-status';
import { localToday, membershipFactsOf, policyOf, whyEachCannotTakePart } from '../people/standing';
import { SYSTEM_ACTOR_ID, type Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { recordId } from '../shared/inputs';
import { defineUseCase } from '../shared/use-case';

const BALLOT_NOT_FOUND: Refusal = {
  code: 'ballot.not-yours',
  message: 'That ballot is not one you can vote in.',
};

function rulesOf(group: { policy: unknown }): BallotRules {
  const rules = policyOf(group as Parameters<typeof policyOf>[0]).conduct.ballots;
  // A secret ballot cannot let a vote be changed: that would need the vote linked to the voter.
  const merged = { ...DEFAULT_BALLOT_RULES, ...rules };
  return merged.secret ? { ...merged, changeable: false } : merged;
}

function voterKey(ballot: BallotRecord, personId: string): string {
  if (!ballot.voterKeySecret) throw new Error(`ballot ${ballot._id} has no voter key`);
  return createHmac('sha256', ballot.voterKeySecret).update(personId).digest('hex');
}

/**
 * The members present who may vote, fixed when a ballot opens: not the member concerned, nobody
 * who declared an interest naming them, nobody who may not take part today (barred, suspended,
 * untrained: the take-part rules), and not the officers or staff present (whoMayVote).
 * Declarations are read from the register: a current declaration by someone present whose text
 * names the member concerned (declarationNamesPerson: their id, else their display name).
 */
async function votersAmong(
  ctx: AppContext,
  input: {
    organisationId: string;
    groupId: string;
    subjectId: string;
    present: string[];
    conflicted: string[];
    asOf: string;
  },
) {
  const [standing, declarations, subject] = await Promise.all([
    whyEachCannotTakePart(ctx, {
      organisationId: input.organisationId,
      groupId: input.groupId,
      personIds: input.present,
      asOf: input.asOf,
    }),
    declarationModel(ctx.db)
      .find({
        groupId: input.groupId,
        personId: { $in: input.present },
        endedAt: { $exists: false },
      })
      .select({ personId: 1, detail: 1 })
      .lean<Array<{ personId: string; detail: string }>>(),
    personModel(ctx.db)
      .findOne({ _id: input.subjectId, organisationId: input.organisationId })
      .select({ displayName: 1 })
      .lean<{ displayName?: string } | null>(),
  ]);
  const about = { id: input.subjectId, displayName: subject?.displayName };
  const declared = new Set(
    declarations.filter((d) => declarationNamesPerson(d, about)).map((d) => d.personId),
  );
  return whoMayVote(
    [...new Set(input.present)].map((personId) => ({
      personId,
      roles: standing.get(personId)?.roles ?? [],
      cannotTakePart: standing.get(personId)?.refusals ?? [],
      declaredInterestInSubject: declared.has(personId),
    })),
    input.subjectId,
    input.conflicted,
  );
}

/**
 * An officer or the chair opens a ballot on a conduct question. Who may vote is fixed now: the
 * members recorded present today who may vote (votersAmong).
 */
export const openBallot = defineUseCase({
  name: 'openBallot',
  input: z.object({
    groupId: recordId,
    subjectId: recordId,
    question: z.enum(['asked-to-leave', 'barred-for-a-period']),
    barMonths: z.number().int().min(1).max(60).optional(),
    conflicted: z.array(recordId).max(100).default([]),
  }),
  async run(ctx, actor, input): Promise<Result<BallotRecord>> {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer', 'chair'],
      'open a ballot',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    if (input.question === 'barred-for-a-period' && !input.barMonths)
      return refuse('ballot.bar-needs-period', 'Say for how long, e.g. period:6m.');
    const group = await groupModel(ctx.db)
      .findOne({ _id: input.groupId, organisationId: actor.organisationId })
      .lean()
      .orFail();
    const subject = await membershipModel(ctx.db)
      .findOne({ groupId: input.groupId, personId: input.subjectId })
      .lean<MembershipRecord>();
    if (!subject) return refuse('membership.not-a-member', 'That person is not in this group.');
    const today = await localToday(ctx, actor.organisationId);
    const present = (
      await attendanceModel(ctx.db)
        .find({ groupId: input.groupId, meetingOn: today })
        .select({ personId: 1 })
        .lean<Array<{ personId: string }>>()
    ).map((p) => p.personId);
    const { eligible, notEligible } = await votersAmong(ctx, {
      organisationId: actor.organisationId,
      groupId: input.groupId,
      subjectId: input.subjectId,
      present,
      conflicted: input.conflicted,
      asOf: today,
    });
    if (eligible.length === 0)
      return refuse(
        'ballot.nobody-present',
        'Nobody recorded present at this meeting may vote: record attendance first.',
      );
    const rules = rulesOf(group);
    const now = ctx.now();
    const ballot = (
      await ballotModel(ctx.db).create({
        organisationId: actor.organisationId,
        groupId: input.groupId,
        subjectId: input.subjectId,
        question: input.question as BallotQuestion,
        ...(input.barMonths ? { barMonths: input.barMonths } : {}),
        eligible,
        rules,
        meetingOn: today,
        openedBy: actor.personId,
        openedAt: now,
        closesAt: new Date(now.getTime() + rules.openMinutes * 60_000),
        state: 'open',
        voterKeySecret: randomBytes(32).toString('hex'),
        reminderSent: false,
      })
    ).toObject();
    await conductEventModel(ctx.db).create({
      organisationId: actor.organisationId,
      groupId: input.groupId,
      subjectId: input.subjectId,
      kind: 'ballot-opened',
      key: ballot._id,
      details: {
        question: ballot.question,
        eligible: eligible.length,
        conflicted: input.conflicted,
        notEligible,
        ...(ballot.barMonths ? { barMonths: ballot.barMonths } : {}),
      },
      by: actor.personId,
      at: now,
    });
    return ok(ballot);
  },
});

export interface CastResult {
  ballot: BallotRecord;
  changed: boolean;
  /** Set when this vote was the last one needed and the ballot closed on it. */
  closed?: BallotRecord;
}

/**
 * A vote. One per voter by the unique key on (ballot, voter key), so twelve people clicking at
 * once and one person clicking twice both come out exact. Changing a vote is only for ballots
 * whose policy allows it, and never for a secret one.
 */
export const castVote = defineUseCase({
  name: 'castVote',
  input: z.object({ ballotId: recordId, choice: z.enum(CHOICES) }),
  async run(ctx, actor, input): Promise<Result<CastResult>> {
    const ballot = await ballotModel(ctx.db)
      .findOne({ _id: input.ballotId, organisationId: actor.organisationId })
      .lean<BallotRecord>();
    if (!ballot) return { ok: false, refusals: [BALLOT_NOT_FOUND] };
    const now = ctx.now();
    if (ballot.state === 'closed' || now >= ballot.closesAt)
      return refuse('ballot.closed', 'That ballot has closed; your vote was not counted.');
    if (actor.personId === ballot.subjectId)
      return refuse('ballot.own-case', 'You cannot vote on a question about yourself.');
    if (!ballot.eligible.includes(actor.personId)) {
      const present = await attendanceModel(ctx.db).countDocuments({
        groupId: ballot.groupId,
        personId: actor.personId,
        meetingOn: (await calendarOf(ctx, actor.organisationId)).localDateOf(ballot.openedAt),
      });
      return present > 0
        ? refuse('ballot.not-eligible', 'You are not eligible to vote in this ballot.')
        : refuse(
            'ballot.not-present',
            'Only the members recorded present at the meeting can vote.',
          );
    }
    const key = voterKey(ballot, actor.personId);
    let changed = false;
    try {
      await voteModel(ctx.db).create({
        _id: randomUUID(),
        ballotId: ballot._id,
        voterKey: key,
        choice: input.choice,
        ...(ballot.rules.secret ? {} : { voterId: actor.personId }),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      if (!ballot.rules.changeable)
        return refuse('ballot.already-voted', 'You have already voted in this ballot.');
      await voteModel(ctx.db).updateOne(
        { ballotId: ballot._id, voterKey: key },
        { $set: { choice: input.choice } },
      );
      changed = true;
    }
    try {
      // No time: see VoteRecord for what a copy of the database can learn.
      await ballotParticipationModel(ctx.db).create({
        ballotId: ballot._id,
        personId: actor.personId,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const cast = await voteModel(ctx.db).countDocuments({ ballotId: ballot._id });
    let closed: BallotRecord | undefined;
    if (ballotShouldClose(now, ballot.closesAt, cast, ballot.eligible.length)) {
      const result = await closeBallot(ctx, ballot._id);
      if (result) closed = result;
    }
    return ok({ ballot, changed, ...(closed ? { closed } : {}) });
  },
});

async function tallyOf(ctx: AppContext, ballotId: string): Promise<Tally> {
  const votes = await voteModel(ctx.db)
    .find({ ballotId })
    .select({ choice: 1 })
    .lean<Array<{ choice: Choice }>>();
  const tally: Tally = { yes: 0, no: 0, abstain: 0 };
  for (const vote of votes) tally[vote.choice] += 1;
  return tally;
}

/** The counts while open, where the policy shows a live count; otherwise nothing until close. */
export async function liveCount(
  ctx: AppContext,
  ballot: BallotRecord,
): Promise<{ voted: number; eligible: number; tally?: Tally }> {
  const voted = await ballotParticipationModel(ctx.db).countDocuments({ ballotId: ballot._id });
  // A closed secret ballot's votes are gone (closeBallot); its totals are on the ballot.
  const outcome = ballot.state === 'closed' ? ballot.outcome : undefined;
  return {
    voted,
    eligible: ballot.eligible.length,
    ...(outcome
      ? { tally: { yes: outcome.yes, no: outcome.no, abstain: outcome.abstain } }
      : ballot.rules.showLiveCount || ballot.state === 'closed'
        ? { tally: await tallyOf(ctx, ballot._id) }
        : {}),
  };
}

/**
 * Closes a ballot once: counts, decides by the group's rules, forgets the voter key (so a
 * secret ballot's votes cannot be joined back to anyone) and puts the outcome into effect.
 * Returns the closed ballot to the one caller that closed it; null to any other.
 */
export async function closeBallot(ctx: AppContext, ballotId: string): Promise<BallotRecord | null> {
  const ballot = await ballotModel(ctx.db).findById(ballotId).lean<BallotRecord>();
  if (!ballot || ballot.state === 'closed') return null;
  const tally = await tallyOf(ctx, ballot._id);
  const outcome = decideBallot(tally, ballot.rules);
  const now = ctx.now();
  const closed = await updateIfUnchanged(ballotModel(ctx.db), ballot._id, ballot.version, {
    state: 'closed',
    closedAt: now,
    voterKeySecret: null,
    outcome: {
      result: outcome.result,
      ...tally,
      ...('byCastingVote' in outcome && outcome.byCastingVote ? { byCastingVote: true } : {}),
    },
  });
  if (!closed) return null;
  await ballotModel(ctx.db).updateOne({ _id: ballot._id }, { $unset: { voterKeySecret: 1 } });
  if (ballot.rules.secret) await eraseSecretVotes(ctx, ballot._id);
  await conductEventModel(ctx.db).create({
    organisationId: ballot.organisationId,
    groupId: ballot.groupId,
    subjectId: ballot.subjectId,
    kind: 'ballot-closed',
    key: ballot._id,
    details: { question: ballot.question, result: outcome.result, ...tally },
    by: SYSTEM_ACTOR_ID,
    at: now,
  });
  if (outcome.result === 'carried') await putIntoEffect(ctx, closed, now);
  return { ...closed, voterKeySecret: undefined } as BallotRecord;
}

/** A carried vote takes effect: asked to leave the meeting is recorded; a bar changes status. */
async function putIntoEffect(ctx: AppContext, ballot: BallotRecord, now: Date): Promise<void> {
  const system: Actor = { organisationId: ballot.organisationId, personId: SYSTEM_ACTOR_ID };
  if (ballot.question === 'asked-to-leave') {
    await conductEventModel(ctx.db).create({
      organisationId: ballot.organisationId,
      groupId: ballot.groupId,
      subjectId: ballot.subjectId,
      kind: 'asked-to-leave',
      key: ballot._id,
      reason: 'the members present voted that the member be asked to leave the meeting',
      by: SYSTEM_ACTOR_ID,
      at: now,
    });
    return;
  }
  const membership = await membershipModel(ctx.db)
    .findOne({ groupId: ballot.groupId, personId: ballot.subjectId })
    .lean<MembershipRecord>();
  if (!membership) return;
  const calendar = await calendarOf(ctx, ballot.organisationId);
  const today = calendar.localDateOf(now);
  const until = calendar.addMonths(today, ballot.barMonths ?? 1);
  const reason = `barred for ${ballot.barMonths ?? 1} months by a vote of the members present`;
  const next = barUntil(membershipFactsOf(membership), { until, reason, asOf: today });
  if (!next.ok) return;
  const saved = await saveStatus(ctx, system, membership, next.value.status, {
    action: 'membership.barred',
    reason,
    details: { ballotId: ballot._id },
  });
  if (saved.ok)
    await conductEventModel(ctx.db).create({
      organisationId: ballot.organisationId,
      groupId: ballot.groupId,
      subjectId: ballot.subjectId,
      kind: 'barred',
      key: ballot._id,
      reason,
      details: { until },
      by: SYSTEM_ACTOR_ID,
      at: now,
    });
}

/**
 * Once a secret ballot is counted and closed, its votes go: the totals are on the ballot, and a
 * vote document kept would join back to its voter by the order it was written in (VoteRecord).
 */
async function eraseSecretVotes(ctx: AppContext, ballotId: string): Promise<void> {
  await voteModel(ctx.db).deleteMany({ ballotId });
}

/** How long after closing the sweep looks again for secret votes left behind. */
const ERASE_AGAIN_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * Run by the scheduler: ballots past their time are closed. Returns those this call closed.
 * It also erases again the votes of secret ballots closed in the last day, in case an instance
 * stopped between closing a ballot and erasing its votes, or a vote cast as it closed landed
 * after the erasure (that vote was not counted).
 */
export async function closeDueBallots(ctx: AppContext): Promise<BallotRecord[]> {
  const now = ctx.now();
  const due = await ballotModel(ctx.db)
    .find({ state: 'open', closesAt: { $lte: now } })
    .select({ _id: 1 })
    .lean<Array<{ _id: string }>>();
  const closed: BallotRecord[] = [];
  for (const { _id } of due) {
    const result = await closeBallot(ctx, _id);
    if (result) closed.push(result);
  }
  const recent = await ballotModel(ctx.db)
    .find({
      state: 'closed',
      closesAt: { $gte: new Date(now.getTime() - ERASE_AGAIN_FOR_MS) },
      'rules.secret': true,
    })
    .select({ _id: 1 })
    .lean<Array<{ _id: string }>>();
  for (const { _id } of recent) await eraseSecretVotes(ctx, _id);
  return closed;
}

/**
 * Run by the scheduler: a bar lifts itself on its end date. The status goes back to active,
 * recorded like any other change, by "system".
 */
export async function liftEndedBars(ctx: AppContext): Promise<number> {
  const barred = await membershipModel(ctx.db)
    .find({ 'status.kind': 'barred' })
    .lean<MembershipRecord[]>();
  let lifted = 0;
  for (const membership of barred) {
    const today = await localToday(ctx, membership.organisationId);
    const status = membership.status as { kind: 'barred'; until: string };
    if (status.until > today) continue;
    const saved = await saveStatus(
      ctx,
      { organisationId: membership.organisationId, personId: SYSTEM_ACTOR_ID },
      membership,
      { kind: 'active' },
      { action: 'membership.bar-ended', reason: `the bar ran until ${status.until}` },
    );
    if (saved.ok) lifted += 1;
  }
  return lifted;
}
