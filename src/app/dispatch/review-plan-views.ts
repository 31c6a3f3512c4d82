import type { LocalDate } from '../../domain/calendar';
import {
  agreedRecommendations,
  followUpWindow,
  markOverdueActions,
  planState,
  type ImprovementAction,
  type Review,
} from '../../domain/reviews';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import type { ReviewRecord } from '../../store/reviews/review-model';
import { boundList, clipText } from './bounded-list';
import type { CardMessage } from './reply';
import { dueText, longDate } from './view-models';

/** Most actions the tracker lists; the rest are counted, overdue ones always first. */
export const PLAN_ACTIONS_SHOWN = 20;
/** Most recommendations one response form asks about; more are answered with `review respond`. */
export const RESPONSE_RECOMMENDATIONS_SHOWN = 15;
const ACTION_TEXT = 300;
const RECOMMENDATION_TEXT = 400;
const REASON_TEXT = 300;
const HISTORY_SHOWN = 6;

const ORDER: Record<ImprovementAction['state'], number> = { overdue: 0, open: 1, done: 2 };

/** Everyone a plan card names, by person id. */
export type Names = ReadonlyMap<string, string>;

function nameOf(names: Names, id: string | undefined): string {
  if (!id) return 'not named';
  return names.get(id) ?? 'someone no longer on record';
}

/** Every person the tracker names, so the caller can read their names in one go. */
export function peopleOnPlan(review: Review): string[] {
  const plan = review.improvementPlan;
  return [
    ...new Set(
      [
        review.managementOwnerId,
        plan.agreedBy,
        ...plan.actions.flatMap((a) => [a.owner, a.doneBy]),
        ...(plan.submissions ?? []).map((s) => s.by),
        ...(plan.returns ?? []).map((r) => r.by),
      ].filter((id): id is string => typeof id === 'string' && id !== ''),
    ),
  ];
}

function stateLine(review: Review, signOffDue: DeadlineRecord | undefined, zone: string): string {
  const plan = review.improvementPlan;
  switch (planState(plan)) {
    case 'signed-off':
      return `Signed off on ${longDate(plan.agreedOn ?? review.openedOn)}`;
    case 'submitted': {
      const on = plan.submissions?.at(-1)?.on ?? review.openedOn;
      const due = signOffDue
        ? `; the committee signs it off or returns it by ${dueText(signOffDue.dueAt, zone)}`
        : '';
      return `Handed in on ${longDate(on)}${due}`;
    }
    case 'drafting': {
      const returned = plan.returns?.at(-1);
      return returned
        ? `Returned to management on ${longDate(returned.on)}: ${clipText(returned.reason, REASON_TEXT)}`
        : 'Being drafted by management';
    }
  }
}

/**
 * The improvement-plan tracker (Sedgemoor ToR 4.3(9) "on-going monitoring of its delivery"):
 * each action with its lead, date and state, overdue first; where the plan stands, with every
 * hand-in and return; and the follow-up review where the group's terms ask for one.
 */
export function improvementPlanCard(
  record: ReviewRecord,
  names: Names,
  today: LocalDate,
  owed: { planDue?: DeadlineRecord; signOffDue?: DeadlineRecord },
  zone: string,
): CardMessage {
  const review = markOverdueActions(record.review, today);
  const plan = review.improvementPlan;
  const sorted = plan.actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => ORDER[a.action.state] - ORDER[b.action.state] || a.index - b.index)
    .map(({ action }) => action);
  const shown = boundList(sorted, { size: PLAN_ACTIONS_SHOWN });
  const count = (state: ImprovementAction['state']) =>
    plan.actions.filter((a) => a.state === state).length;
  const history = [
    ...(plan.submissions ?? []).map((s) => ({
      on: s.on,
      line: `Handed in on ${longDate(s.on)} by ${nameOf(names, s.by)}`,
    })),
    ...(plan.returns ?? []).map((r) => ({
      on: r.on,
      line: `Returned on ${longDate(r.on)} by ${nameOf(names, r.by)}: ${clipText(r.reason, REASON_TEXT)}`,
    })),
    ...(plan.agreedOn
      ? [
          {
            on: plan.agreedOn,
            line: `Signed off on ${longDate(plan.agreedOn)} by ${nameOf(names, plan.agreedBy)}`,
          },
        ]
      : []),
  ]
    .sort((a, b) => a.on.localeCompare(b.on))
    .map(({ line }) => ({ line }));
  const recent = boundList(history, { size: HISTORY_SHOWN, keep: 'last' });
  const historyLines = [
    ...(recent.before > 0 ? [{ line: `${recent.before} earlier entries not shown` }] : []),
    ...recent.items,
  ];
  const state =
    planState(plan) === 'drafting' && owed.planDue
      ? `${stateLine(review, owed.signOffDue, zone)}; due ${dueText(owed.planDue.dueAt, zone)}`
      : stateLine(review, owed.signOffDue, zone);
  return {
    name: 'improvement-plan',
    viewModel: {
      ref: record.reference,
      title: clipText(review.title, 200),
      state,
      management: nameOf(names, review.managementOwnerId),
      summary:
        plan.actions.length === 0
          ? 'none yet'
          : `${plan.actions.length}: ${count('overdue')} overdue, ${count('open')} open, ${count('done')} done`,
      history: historyLines,
      historyText: historyLines.map((h) => h.line).join('\n'),
      followUp: followUpLine(review),
      actions: shown.items.map((a) => ({
        id: a.id,
        recommendation: a.recommendationId,
        action: clipText(a.action, ACTION_TEXT),
        owner: nameOf(names, a.owner),
        due: longDate(a.dueOn),
        stateText:
          a.state === 'done'
            ? `Done on ${longDate(a.doneOn ?? a.dueOn)}`
            : a.state === 'overdue'
              ? 'Overdue'
              : 'Open',
        overdue: a.state === 'overdue',
      })),
      actionsMore:
        shown.more > 0
          ? `and ${shown.more} more ${shown.more === 1 ? 'action' : 'actions'}, all later than these and not overdue`
          : '',
    },
  };
}

/** Southampton's follow-up review, where the terms ask for one; nothing where they do not. */
function followUpLine(review: Review): string {
  if (review.followUpReviewOn)
    return `Follow-up review of the plan: ${longDate(review.followUpReviewOn)}`;
  const window = followUpWindow(review);
  if (window)
    return `Follow-up review of the plan: to be set between ${longDate(window.from)} and ${longDate(window.to)}`;
  const months = review.policy.followUpWindowMonths;
  return months
    ? `Follow-up review of the plan: ${months.from} to ${months.to} months after it is signed off`
    : '';
}

/**
 * The form on which management accept or reject each agreed recommendation (Sedgemoor ToR
 * 4.3(6), 6.2): a card with inputs in Teams, a modal in Slack (the same view model).
 */
export function managementResponseForm(
  record: ReviewRecord,
  planDue: DeadlineRecord | undefined,
  zone: string,
): CardMessage {
  const agreed = boundList(agreedRecommendations(record.review), {
    size: RESPONSE_RECOMMENDATIONS_SHOWN,
  });
  const recommendations = agreed.items.map((r) => ({
    id: r.id,
    text: clipText(r.text, RECOMMENDATION_TEXT),
  }));
  const due = planDue ? ` The improvement plan is due ${dueText(planDue.dueAt, zone)}.` : '';
  return {
    name: 'management-response',
    viewModel: {
      ref: record.reference,
      title: clipText(record.review.title, 200),
      intro: `Accept or reject each recommendation the committee agreed, with the reason for any you reject.${due}`,
      recommendations,
      fields: recommendations.flatMap((r) => [
        {
          kind: 'decision',
          blockId: `decision-${r.id}`,
          label: clipText(`${r.id}. ${r.text}`, 2000),
          optional: false,
        },
        {
          kind: 'reason',
          blockId: `reason-${r.id}`,
          label: `If you reject ${r.id}, why`,
          optional: true,
        },
      ]),
      recommendationsMore:
        agreed.more > 0
          ? `${agreed.more} more agreed recommendations are not on this form: answer all of them with review respond ${record.reference} accept:… reject:… "<reason>".`
          : '',
    },
  };
}
