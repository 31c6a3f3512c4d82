import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  ballotShouldClose,
  CHOICES,
  decideBallot,
  DEFAULT_BALLOT_RULES,
  whoMayVote,
  type BallotRules,
  type Tally,
} from '../../domain/conduct';
import { declarationNamesPerson } from '../../domain/declarations';
import { barUntil } from '../../domain/people';
import { ok, refuse, type Refusal, type Result } from '../../domain/shared/result';
import { isDuplicateKeyError } from '../../store/connection';
import { isReplay } from '../../store/delivery-scope';
import { AttendanceRegister } from '../../store/conduct/attendance-register';
import { BallotBox } from '../../store/conduct/ballot-box';
import type { BallotQuestion, BallotRecord } from '../../store/conduct/ballot-model';
import { ConductLog } from '../../store/conduct/conduct-log';
import { DeclarationRegister } from '../../store/declarations/declaration-register';
import { GroupBook } from '../../store/groups/group-book';
import { PersonBook } from '../../store/people/person-book';
import { MembershipRoll } from '../../store/people/membership-roll';
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
    new DeclarationRegister(ctx.db).standingAmong(input.groupId, input.present),
    new PersonBook(ctx.db).inOrganisation(input.organisationId, input.subjectId),
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
    const group = await new GroupBook(ctx.db).get(input.groupId, actor.organisationId);
    const subject = await new MembershipRoll(ctx.db).of(input.groupId, input.subjectId);
    if (!subject) return refuse('membership.not-a-member', 'That person is not in this group.');
    const today = await localToday(ctx, actor.organisationId);
    const present = await new AttendanceRegister(ctx.db).presentAt(input.groupId, today);
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
    const ballot = await new BallotBox(ctx.db).open({
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
    });
    await new ConductLog(ctx.db).append({
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
  /** The votes in the ballot once this one was counted. */
  votesCast: number;
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
    const box = new BallotBox(ctx.db);
    const ballot = await box.get(input.ballotId, actor.organisationId);
    if (!ballot) return { ok: false, refusals: [BALLOT_NOT_FOUND] };
    const now = ctx.now();
    if (ballot.state === 'closed' || now >= ballot.closesAt)
      return refuse(
        'ballot.closed',
        // A run that stored the vote and died before answering is done again (delivery-scope),
        // maybe after the close: its voter hears their vote counted, as it was (closeBallot).
        (await box.hasVoted(ballot._id, actor.personId))
          ? 'That ballot has closed; your vote was counted before it closed.'
          : 'That ballot has closed; your vote was not counted.',
      );
    if (actor.personId === ballot.subjectId)
      return refuse('ballot.own-case', 'You cannot vote on a question about yourself.');
    if (!ballot.eligible.includes(actor.personId)) {
      const present = await new AttendanceRegister(ctx.db).wasPresent(
        ballot.groupId,
        actor.personId,
        (await calendarOf(ctx, actor.organisationId)).localDateOf(ballot.openedAt),
      );
      return present
        ? refuse('ballot.not-eligible', 'You are not eligible to vote in this ballot.')
        : refuse(
            'ballot.not-present',
            'Only the members recorded present at the meeting can vote.',
          );
    }
    const key = voterKey(ballot, actor.personId);
    let changed = false;
    try {
      await box.addVote({
        _id: randomUUID(),
        ballotId: ballot._id,
        voterKey: key,
        choice: input.choice,
        ...(ballot.rules.secret ? {} : { voterId: actor.personId }),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      if (ballot.rules.changeable) {
        await box.changeVote(ballot._id, key, input.choice);
        changed = true;
      } else if (!isReplay()) {
        // Recorded if missing, in case the run that stored the vote stopped before recording
        // who voted: the reminders before the close would otherwise chase this voter. Read
        // first: a read costs FerretDB about half what a refused insert does.
        if (!(await box.hasVoted(ballot._id, actor.personId)))
          await box.recordParticipation(ballot._id, actor.personId);
        return refuse('ballot.already-voted', 'You have already voted in this ballot.');
      }
      // In a second run of this delivery (see store/delivery-scope) the vote may be its first
      // run's, which stopped before counting it in: a vote's random id cannot show whose it is,
      // and a vote under this key is this person's either way, so the run goes on to count it.
    }
    // The count is of votes, not of who voted, so it need not wait for the participation record.
    const [, cast] = await Promise.all([
      box.recordParticipation(ballot._id, actor.personId),
      box.votesCast(ballot._id),
    ]);
    let closed: BallotRecord | undefined;
    if (ballotShouldClose(now, ballot.closesAt, cast, ballot.eligible.length)) {
      const result = await closeBallot(ctx, ballot._id);
      if (result) closed = result;
    }
    return ok({ ballot, changed, votesCast: cast, ...(closed ? { closed } : {}) });
  },
});

async function tallyOf(ctx: AppContext, ballotId: string): Promise<Tally> {
  const choices = await new BallotBox(ctx.db).choicesIn(ballotId);
  const tally: Tally = { yes: 0, no: 0, abstain: 0 };
  for (const choice of choices) tally[choice] += 1;
  return tally;
}

/** The counts while open, where the policy shows a live count; otherwise nothing until close. */
export async function liveCount(
  ctx: AppContext,
  ballot: BallotRecord,
  /** Already counted by the caller (a vote just cast counts them), so not read again. */
  votesCast?: number,
): Promise<{ voted: number; eligible: number; tally?: Tally }> {
  const voted = votesCast ?? (await new BallotBox(ctx.db).participants(ballot._id));
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
async function closeBallot(ctx: AppContext, ballotId: string): Promise<BallotRecord | null> {
  const box = new BallotBox(ctx.db);
  const ballot = await box.byId(ballotId);
  if (!ballot || ballot.state === 'closed') return null;
  await recordEveryVoter(ctx, ballot);
  const tally = await tallyOf(ctx, ballot._id);
  const outcome = decideBallot(tally, ballot.rules);
  const now = ctx.now();
  const closed = await box.updateIfUnchanged(ballot, {
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
  await box.forgetVoterKey(ballot._id);
  if (ballot.rules.secret) await eraseSecretVotes(ctx, ballot._id);
  await new ConductLog(ctx.db).append({
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

/**
 * Records who voted for every vote in the ballot, while its secret can still join a vote to its
 * voter: a run that stored a vote and died before recording who cast it would otherwise leave
 * that voter unrecorded for good once the ballot closes on that vote.
 */
async function recordEveryVoter(ctx: AppContext, ballot: BallotRecord): Promise<void> {
  if (!ballot.voterKeySecret) return;
  const box = new BallotBox(ctx.db);
  const [keys, recorded] = await Promise.all([
    box.voterKeysIn(ballot._id),
    box.whoVoted(ballot._id),
  ]);
  if (keys.length <= recorded.length) return;
  const cast = new Set(keys);
  for (const personId of ballot.eligible)
    if (!recorded.includes(personId) && cast.has(voterKey(ballot, personId)))
      await box.recordParticipation(ballot._id, personId);
}

/** A carried vote takes effect: asked to leave the meeting is recorded; a bar changes status. */
async function putIntoEffect(ctx: AppContext, ballot: BallotRecord, now: Date): Promise<void> {
  const system: Actor = { organisationId: ballot.organisationId, personId: SYSTEM_ACTOR_ID };
  if (ballot.question === 'asked-to-leave') {
    await new ConductLog(ctx.db).append({
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
  const membership = await new MembershipRoll(ctx.db).of(ballot.groupId, ballot.subjectId);
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
    await new ConductLog(ctx.db).append({
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
  await new BallotBox(ctx.db).eraseVotes(ballotId);
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
  const box = new BallotBox(ctx.db);
  const closed: BallotRecord[] = [];
  for (const id of await box.dueToClose(now)) {
    const result = await closeBallot(ctx, id);
    if (result) closed.push(result);
  }
  const recent = await box.secretClosedSince(new Date(now.getTime() - ERASE_AGAIN_FOR_MS));
  for (const id of recent) await eraseSecretVotes(ctx, id);
  return closed;
}

/**
 * Run by the scheduler: a bar lifts itself on its end date. The status goes back to active,
 * recorded like any other change, by "system".
 */
export async function liftEndedBars(ctx: AppContext): Promise<number> {
  const barred = await new MembershipRoll(ctx.db).barred();
  let lifted = 0;
  for (const membership of barred) {
    const today = await localToday(ctx, membership.organisationId);
    const status = membership.status;
    // Always barred (that is what was read); the check tells the compiler it has an end date.
    if (status.kind !== 'barred' || status.until > today) continue;
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
