import { DateTime } from 'luxon';
import type { BallotRecord } from '../../store/conduct/ballot-model';
import type { ConductEventRecord } from '../../store/conduct/conduct-event-model';
import { GroupBook } from '../../store/groups/group-book';
import { PersonBook } from '../../store/people/person-book';
import { liveCount } from '../conduct/ballots';
import type { AppContext } from '../shared/context';
import { boundList, clipText } from './bounded-list';
import type { CardMessage, Delivery } from './reply';

const QUESTIONS = {
  'asked-to-leave': (name: string) => `Should ${name} be asked to leave this meeting?`,
  'barred-for-a-period': (name: string, months?: number) =>
    `Should ${name} be barred from the group for ${months ?? 1} month${months === 1 ? '' : 's'}?`,
} as const;

const RESULTS = {
  carried: 'Carried',
  'not-carried': 'Not carried',
  'tie-no-action': 'A tie: no action',
  'no-quorum': 'Not enough votes for a decision: no action',
} as const;

/** Teams' limit on the people an Adaptive Card's refresh names. */
const TEAMS_REFRESH_LIMIT = 60;

async function nameOf(ctx: AppContext, personId: string): Promise<string> {
  return (await new PersonBook(ctx.db).nameOf(personId)) ?? 'the member';
}

async function questionOf(ctx: AppContext, ballot: BallotRecord): Promise<string> {
  return questionAbout(ballot, await nameOf(ctx, ballot.subjectId));
}

function questionAbout(ballot: BallotRecord, name: string | undefined): string {
  return QUESTIONS[ballot.question](name ?? 'the member', ballot.barMonths);
}

/**
 * The vote card: the question, how many may vote, and the three buttons. `youVoted` is for the
 * one person looking at it (Teams refreshes the card per person; Slack confirms privately).
 */
export async function ballotCard(
  ctx: AppContext,
  ballot: BallotRecord,
  zone: string,
  viewer?: { youVoted: boolean; votesCast?: number },
): Promise<CardMessage> {
  // Teams refreshes a card for at most 60 people, so only 60 are read: a panel of 200 cost
  // every click a read of all 200 (and a second round trip for the rest of them). The member
  // the question is about comes in the same read.
  const refreshed = ballot.eligible.slice(0, TEAMS_REFRESH_LIMIT);
  const [count, people] = await Promise.all([
    liveCount(ctx, ballot, viewer?.votesCast),
    new PersonBook(ctx.db).chatIdsAndNamesOf([...refreshed, ballot.subjectId]),
  ]);
  const inRefresh = new Set(refreshed);
  const eligible = people.flatMap((p) =>
    inRefresh.has(p._id) && p.chatUserId ? [p.chatUserId] : [],
  );
  const question = questionAbout(
    ballot,
    people.find((p) => p._id === ballot.subjectId)?.displayName,
  );
  return {
    name: 'ballot',
    viewModel: {
      ballotId: ballot._id,
      question,
      mayVote: count.eligible,
      voted: count.voted,
      closes: DateTime.fromJSDate(ballot.closesAt, { zone }).toFormat('HH:mm'),
      secret: ballot.rules.secret,
      open: ballot.state === 'open',
      showCount: count.tally !== undefined,
      yes: count.tally?.yes ?? 0,
      no: count.tally?.no ?? 0,
      abstain: count.tally?.abstain ?? 0,
      youVoted: viewer?.youVoted ?? false,
      // Teams refreshes the card for each of these people, so each sees whether they voted.
      // Teams wants the ids its chats use (29:…), not AAD object ids, or nobody's view refreshes:
      // https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards#user-ids-in-refresh
      refreshUserIds: eligible,
    },
  };
}

/** When a ballot closes: the result to the group's chat, and the outcome to the member. */
export async function ballotClosedDeliveries(
  ctx: AppContext,
  ballot: BallotRecord,
): Promise<Delivery[]> {
  const outcome = ballot.outcome;
  if (!outcome) return [];
  const group = await new GroupBook(ctx.db).byId(ballot.groupId);
  const question = await questionOf(ctx, ballot);
  const result = RESULTS[outcome.result];
  const card: CardMessage = {
    name: 'ballot-result',
    viewModel: {
      question,
      result,
      yes: outcome.yes,
      no: outcome.no,
      abstain: outcome.abstain,
      castingVote: outcome.byCastingVote === true,
    },
  };
  const carried = outcome.result === 'carried';
  const next =
    ballot.question === 'asked-to-leave'
      ? carried
        ? 'You are asked to leave this meeting. The facilitating officer will talk to you about what happens next.'
        : 'You are not asked to leave. The warnings you were given stay on record.'
      : carried
        ? `You are barred from ${group?.name ?? 'the group'} for ${ballot.barMonths ?? 1} months. The bar ends by itself; the officer can tell you more.`
        : 'You are not barred. The officer will talk to you about what happens next.';
  const deliveries: Delivery[] = [
    {
      to: { kind: 'person', organisationId: ballot.organisationId, personId: ballot.subjectId },
      message: {
        text: `The vote on whether you ${ballot.question === 'asked-to-leave' ? 'should be asked to leave the meeting' : 'should be barred'}: ${result.toLowerCase()}. ${next}`,
      },
    },
  ];
  if (group?.conversationId)
    deliveries.unshift({
      to: {
        kind: 'conversation',
        organisationId: ballot.organisationId,
        conversationId: group.conversationId,
      },
      message: { text: `${question} ${result}.`, card },
    });
  return deliveries;
}

/** A history shows its latest entries; older ones are counted (bounded-list). */
export const HISTORY_SHOWN = 20;
const WHAT_LENGTH = 600;

/** conduct history as a card: each step with who, when and why, the latest 20 of them. */
export async function historyCard(
  ctx: AppContext,
  subjectName: string,
  events: readonly ConductEventRecord[],
  zone: string,
): Promise<CardMessage> {
  const shown = boundList(events, { size: HISTORY_SHOWN, keep: 'last' });
  const names = new Map<string, string>();
  for (const id of new Set(shown.items.map((e) => e.by)))
    names.set(id, id === 'system' ? 'the bot' : await nameOf(ctx, id));
  return historyView(subjectName, events, names, zone);
}

/** The history card from what is on record and the names of who did each step. */
export function historyView(
  subjectName: string,
  events: readonly ConductEventRecord[],
  names: ReadonlyMap<string, string>,
  zone: string,
): CardMessage {
  const shown = boundList(events, { size: HISTORY_SHOWN, keep: 'last' });
  return {
    name: 'conduct-history',
    viewModel: {
      person: subjectName,
      entries: shown.items.map((e) => ({
        when: DateTime.fromJSDate(e.at, { zone }).setLocale('en-GB').toFormat('d MMM yyyy, HH:mm'),
        what: clipText(describeEvent(e), WHAT_LENGTH),
        by: names.get(e.by) ?? 'someone',
      })),
      earlier:
        shown.before > 0
          ? `The latest ${shown.items.length} of ${shown.total} entries; ${shown.before} earlier ones are on record and not shown.`
          : '',
    },
  };
}

function describeEvent(event: ConductEventRecord): string {
  const details = (event.details ?? {}) as Record<string, unknown>;
  switch (event.kind) {
    case 'warned':
      return `Warning ${event.number ?? ''}: ${event.reason ?? ''}`;
    case 'referred':
      return `Referred to ${String(details.to ?? 'the committee')}`;
    case 'investigation-outcome':
      return `Investigation outcome: ${event.reason ?? ''}`;
    case 'ballot-opened':
      return `Ballot opened (${String(details.question)}), ${String(details.eligible)} eligible`;
    case 'ballot-closed':
      return `Ballot closed: ${String(details.result)} (${String(details.yes)} yes, ${String(details.no)} no, ${String(details.abstain)} abstain)`;
    case 'asked-to-leave':
      return 'Asked to leave the meeting';
    case 'barred':
      return `Barred until ${String(details.until)}`;
    case 'membership-withdrawn':
      return `Membership withdrawn: ${event.reason ?? ''}`;
  }
}
