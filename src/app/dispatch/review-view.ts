import {
  currentEscalationStage,
  managementDecisionOn,
  meetingsNeeded,
  meetingsStillPlanned,
  stepName,
  type Review,
  type ReviewStep,
} from '../../domain/reviews';
import { compareLocalDates, type LocalDate } from '../../domain/calendar/local-date';
import { DEADLINE_LABELS, type DeadlineKind } from '../../domain/deadlines';
import { boundList, clipText, moreLine } from './bounded-list';
import type { CardMessage } from './reply';
import { dueText, longDate } from './view-models';

/**
 * The `review` card: everything a panel needs to see where a review stands. Lists that grow
 * (recommendations, planned meetings, deadlines) are bounded; the ten steps are fixed. Slack
 * gets each list as one section's text, so the card stays well inside 50 blocks.
 */

export const REVIEW_SHOWN = { recommendations: 10, planned: 5, deadlines: 8 } as const;
const CLIP = { name: 60, reason: 150, scope: 600, recommendation: 300, notes: 150 } as const;
const SLACK_SECTION = 2900;

const TOPIC_SOURCE_LABELS: Record<Review['topicSource'], string> = {
  'low-performance': 'lower performance',
  complaints: 'complaints',
  'low-satisfaction': 'low satisfaction',
  'inspection-findings': 'inspection findings',
  'tenant-request': 'requested by tenants',
  board: 'the board',
  'not-stated': 'not stated',
};

export interface ReviewDeadline {
  kind: DeadlineKind;
  dueAt: Date;
  ownerId: string;
}

export interface ReviewViewInput {
  reference: string;
  review: Review;
  /** Display names by person id, for everyone the review mentions. */
  names: ReadonlyMap<string, string>;
  /** The group's improvementPlanDays (Sedgemoor ToR 6.2: 28); undefined where the terms set none. */
  improvementPlanDays?: number;
  deadlines: readonly ReviewDeadline[];
  zone: string;
  today: LocalDate;
}

function nameOf(input: ReviewViewInput, id: string): string {
  return clipText(input.names.get(id) ?? 'someone', CLIP.name);
}

function stepLine(input: ReviewViewInput, step: ReviewStep): { label: string; state: string } {
  const label = `${step.number}. ${stepName(step.number)}`;
  if (step.state === 'pending') return { label, state: 'pending' };
  const who = `${nameOf(input, step.by)}, ${longDate(step.on)}`;
  if (step.state === 'done') return { label, state: `done (${who})` };
  return { label, state: `skipped (${who}): ${clipText(step.reason, CLIP.reason)}` };
}

function meetingsLine(review: Review): string {
  const needed = meetingsNeeded(review);
  const held = review.meetings.length;
  return needed === undefined
    ? `${held} held (the terms set no minimum)`
    : `${held} of ${needed} held`;
}

function recommendationLines(input: ReviewViewInput) {
  const { review } = input;
  return review.recommendations.map((r) => {
    const committee = r.agreed === undefined ? 'not decided' : r.agreed ? 'agreed' : 'not agreed';
    const decision = managementDecisionOn(review, r.id);
    const reason = review.managementResponse?.responses.find(
      (x) => x.recommendationId === r.id,
    )?.reason;
    const management =
      decision === undefined
        ? 'no response yet'
        : decision === 'accept'
          ? 'accepted'
          : `rejected${reason ? `: ${clipText(reason, CLIP.reason)}` : ''}`;
    return {
      id: r.id,
      text: clipText(r.text, CLIP.recommendation),
      decisions: `Committee: ${committee} · Management: ${management}`,
    };
  });
}

function planLine(input: ReviewViewInput): string {
  const plan = input.review.improvementPlan;
  const actions = plan.actions;
  const done = actions.filter((a) => a.state === 'done').length;
  const overdue = actions.filter(
    (a) =>
      a.state === 'overdue' || (a.state === 'open' && compareLocalDates(a.dueOn, input.today) < 0),
  ).length;
  const agreed = plan.agreedOn ? `agreed ${longDate(plan.agreedOn)}` : 'not agreed yet';
  if (actions.length === 0) return `No actions yet; ${agreed}.`;
  const count = `${actions.length} action${actions.length === 1 ? '' : 's'}`;
  return `${count}, ${done} done, ${overdue} overdue; ${agreed}.`;
}

function planDueLine(input: ReviewViewInput): string {
  const clock = input.deadlines.find((d) => d.kind === 'improvement-plan');
  // Once handed in, the 28-day clock is met and no longer open; say so rather than a due date.
  const handedIn = input.review.improvementPlan.submissions?.at(-1);
  if (!clock && handedIn) return `Handed in ${longDate(handedIn.on)}.`;
  if (input.improvementPlanDays === undefined)
    return 'The terms set no time for the improvement plan.';
  const owner = input.review.managementOwnerId;
  if (clock)
    return `Due from ${nameOf(input, clock.ownerId)} by ${dueText(clock.dueAt, input.zone)} (${input.improvementPlanDays} days from the recommendations being agreed).`;
  return `Due ${input.improvementPlanDays} days from the recommendations being agreed${owner ? `, from ${nameOf(input, owner)}` : ''}.`;
}

function escalationLines(input: ReviewViewInput): { stage: string; route: string } {
  const { review } = input;
  const ladder = review.policy.escalationLadder;
  const route =
    ladder.length === 0
      ? 'the terms set no route'
      : ladder.map((s) => `${s.label} (${s.source})`).join(' → ');
  const at = currentEscalationStage(review);
  const last = review.escalation.history.at(-1);
  const stage =
    at && last
      ? `at ${at.label}: raised by ${nameOf(input, last.by)}, ${longDate(last.on)}`
      : 'not escalated';
  return { stage, route };
}

function joined(lines: readonly string[], empty: string): string {
  return clipText(lines.length === 0 ? empty : lines.join('\n'), SLACK_SECTION);
}

export function reviewCard(input: ReviewViewInput): CardMessage {
  const { review } = input;
  const steps = review.steps.map((s) => stepLine(input, s));
  const recs = boundList(recommendationLines(input), { size: REVIEW_SHOWN.recommendations });
  const planned = boundList(
    meetingsStillPlanned(review).map((m) => ({
      on: longDate(m.on),
      invited:
        m.invited.length === 0
          ? 'no staff invited'
          : `staff invited: ${m.invited.map((id) => nameOf(input, id)).join(', ')}`,
    })),
    { size: REVIEW_SHOWN.planned },
  );
  const deadlines = boundList(
    input.deadlines.map((d) => ({
      what: DEADLINE_LABELS[d.kind] ?? d.kind,
      owner: nameOf(input, d.ownerId),
      due: dueText(d.dueAt, input.zone),
    })),
    { size: REVIEW_SHOWN.deadlines },
  );
  const escalation = escalationLines(input);
  const reportLink = (kind: 'draft' | 'final') => review.reports?.[kind]?.link ?? '';
  return {
    name: 'review',
    viewModel: {
      ref: input.reference,
      title: review.title,
      depth: review.depth === 'full' ? 'Full review' : 'Light-touch review',
      topicSource: TOPIC_SOURCE_LABELS[review.topicSource] ?? review.topicSource,
      scope: review.scope ? clipText(review.scope, CLIP.scope) : 'not agreed yet',
      opened: longDate(review.openedOn),
      meetings: meetingsLine(review),
      steps,
      stepsText: joined(
        steps.map((s) => `${s.label}: ${s.state}`),
        '',
      ),
      recommendations: recs.items,
      recommendationsText: joined(
        recs.items.map((r) => `${r.id}. ${r.text}\n     ${r.decisions}`),
        'None yet.',
      ),
      recommendationsMore: moreLine(recs, 'recommendations'),
      hasRecommendations: recs.items.length > 0,
      planned: planned.items,
      plannedText: joined(
        planned.items.map((m) => `${m.on}: ${m.invited}`),
        'None planned.',
      ),
      plannedMore: moreLine(planned, 'planned'),
      hasPlanned: planned.items.length > 0,
      draftLink: reportLink('draft'),
      finalLink: reportLink('final'),
      plan: planLine(input),
      planDue: planDueLine(input),
      escalationStage: escalation.stage,
      escalationRoute: escalation.route,
      deadlines: deadlines.items,
      deadlinesText: joined(
        deadlines.items.map((d) => `${d.what}: ${d.owner}, by ${d.due}`),
        'None open.',
      ),
      deadlinesMore: moreLine(deadlines, 'deadlines'),
      hasDeadlines: deadlines.items.length > 0,
    },
  };
}
