import {
  reviewActionCommand,
  reviewActionDoneCommand,
  reviewFollowUpCommand,
  reviewPlanCommand,
  reviewPlanReturnCommand,
  reviewPlanSignOffCommand,
  reviewPlanSubmitCommand,
  reviewRespondCommand,
} from '../../commands';
import type { CommandOf } from '../../commands';
import { followUpWindow, type Review } from '../../domain/reviews';
import type { Refusal } from '../../domain/shared/result';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import { GroupBook } from '../../store/groups/group-book';
import { PersonBook } from '../../store/people/person-book';
import type { ReviewRecord } from '../../store/reviews/review-model';
import type { Speaker } from '../conversations/speaker';
import { mentionedPerson, type CommandRequest } from '../dispatch/command-request';
import {
  noticeReply,
  refusalReply,
  tellPerson,
  type Delivery,
  type Reply,
} from '../dispatch/reply';
import {
  improvementPlanCard,
  managementResponseForm,
  peopleOnPlan,
} from '../dispatch/review-plan-views';
import { dueText, longDate } from '../dispatch/view-models';
import type { OutgoingMessage } from '../messaging/messenger';
import { localToday } from '../people/standing';
import {
  completeReviewImprovementAction,
  returnReviewPlan,
  setReviewFollowUp,
  submitReviewPlan,
} from '../reviews/improvement-plan-use-cases';
import { whyNotManagement } from '../reviews/management-owner';
import { planReceiptSubject } from '../reviews/review-deadlines';
import {
  addReviewImprovementAction,
  agreeReviewImprovementPlan,
  recordReviewManagementResponse,
} from '../reviews/review-progress';
import { reviewByReference } from '../reviews/review-use-cases';
import { standingIn } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { handleCommand } from './command-handler';

/**
 * Everything after the committee agrees the recommendations, from chat (Sedgemoor ToR 6.2):
 * owned by and chasing management, each step recorded with who, when and why by the use-cases.
 */

function notFound(ref: string): Reply {
  return refusalReply([{ code: 'review-not-found', message: `There is no review ${ref}.` }]);
}

/** The improvement plan's 28-day deadline, while still owed (the group's policy may set none). */
async function owedPlanDeadline(ctx: AppContext, reviewId: string) {
  const all = await new DeadlineBook(ctx.db).forSubject('review', reviewId);
  return all.find(
    (d) => d.kind === 'improvement-plan' && (d.state === 'open' || d.state === 'missed'),
  );
}

async function owedSignOff(ctx: AppContext, review: ReviewRecord) {
  const receipt = review.review.improvementPlan.submissions?.length ?? 0;
  if (receipt === 0) return undefined;
  const subject = planReceiptSubject(review._id, receipt);
  const all = await new DeadlineBook(ctx.db).forSubject(subject.kind, subject.id);
  return all.find((d) => d.state === 'open' || d.state === 'missed');
}

/** A message in the group's own chat, where the panel follows the plan. */
async function toGroup(
  ctx: AppContext,
  record: ReviewRecord,
  message: OutgoingMessage,
): Promise<Delivery[]> {
  const group = await new GroupBook(ctx.db).inOrganisation(record.organisationId, record.groupId);
  if (!group?.conversationId) return [];
  return [
    {
      to: {
        kind: 'conversation',
        organisationId: record.organisationId,
        conversationId: group.conversationId,
      },
      message,
    },
  ];
}

/** Tells someone other than the person acting, who already has the reply. */
function tellOther(
  speaker: Speaker,
  personId: string | undefined,
  message: OutgoingMessage,
): Delivery[] {
  if (!personId || personId === speaker.actor.personId) return [];
  return [tellPerson(speaker.actor.organisationId, personId, message)];
}

/** The response form, for the person named for management or an officer only. */
export async function responseForm(ctx: AppContext, speaker: Speaker, ref: string): Promise<Reply> {
  const record = await reviewByReference(ctx, speaker.actor.organisationId, ref);
  if (!record) return notFound(ref);
  const review = record.review;
  if (review.managementOwnerId !== speaker.actor.personId && !speaker.person.isOfficer)
    return refusalReply([
      {
        code: 'not-allowed',
        message: `Only the person named for management on ${record.reference}, or an officer, can answer its recommendations.`,
      },
    ]);
  if (review.managementResponse)
    return noticeReply(
      `Management's response to ${record.reference} was already recorded on ${longDate(review.managementResponse.receivedOn)}.`,
      'info',
    );
  const planDue = await owedPlanDeadline(ctx, record._id);
  return {
    kind: 'form',
    text: `Respond to the recommendations of ${record.reference}`,
    form: managementResponseForm(record, planDue, speaker.organisation.timeZone),
  };
}

/** Records the response, from the form or the command, and says what comes next. */
export async function respondReply(
  ctx: AppContext,
  speaker: Speaker,
  ref: string,
  responses: Array<{ recommendationId: string; decision: 'accept' | 'reject'; reason?: string }>,
): Promise<Reply> {
  const receivedOn = await localToday(ctx, speaker.actor.organisationId);
  const result = await recordReviewManagementResponse(ctx, speaker.actor, {
    reviewRef: ref,
    receivedOn,
    responses,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The response was not recorded');
  const record = result.value;
  const accepted = responses.filter((r) => r.decision === 'accept').map((r) => r.recommendationId);
  const rejected = responses.filter((r) => r.decision === 'reject');
  const lines = [
    ...(accepted.length > 0 ? [`Accepted: ${accepted.join(', ')}.`] : []),
    ...rejected.map((r) => `Rejected ${r.recommendationId}: ${r.reason ?? ''}`),
  ];
  const next =
    accepted.length > 0
      ? `Next, add the improvement plan's actions with \`review action ${record.reference} rec:<n> @lead "<action>" due:<date>\`, then hand it in with \`review plan submit ${record.reference}\`.`
      : `Hand the plan in with \`review plan submit ${record.reference}\` once it answers the response.`;
  return {
    ...noticeReply(`Management's response to ${record.reference} is recorded.`, 'ok', [
      ...lines,
      next,
    ]),
    deliveries: tellOther(speaker, record.createdBy, {
      text: `Management have responded to the recommendations of ${record.reference}. ${lines.join(' ')}`,
    }),
  };
}

async function reviewRespond(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-respond'>,
): Promise<Reply> {
  const accepted = command.accepted ?? [];
  const rejected = command.rejected ?? [];
  const refusals: Refusal[] = [];
  if (accepted.length === 0 && rejected.length === 0)
    refusals.push({
      code: 'review.response-empty',
      message: `Say which recommendations management accept and reject, e.g. review respond ${command.reviewRef} accept:1,2 reject:3 "<why>".`,
    });
  const both = accepted.filter((n) => rejected.includes(n));
  if (both.length > 0)
    refusals.push({
      code: 'review.response-both',
      message: `Recommendation ${both.join(', ')} is both accepted and rejected; choose one.`,
    });
  if (command.reason && rejected.length === 0)
    refusals.push({
      code: 'review.response-reason-unused',
      message:
        'The reason in quotes is for rejected recommendations, and none is rejected (reject:<n>).',
    });
  if (refusals.length > 0) return refusalReply(refusals, 'The response was not recorded');
  return respondReply(ctx, request.speaker, command.reviewRef, [
    ...accepted.map((n) => ({ recommendationId: String(n), decision: 'accept' as const })),
    ...rejected.map((n) => ({
      recommendationId: String(n),
      decision: 'reject' as const,
      ...(command.reason ? { reason: command.reason } : {}),
    })),
  ]);
}

/**
 * Who may change the plan is checked before anything about the action is, so someone without
 * the authority hears that first, whatever else is wrong with what they typed.
 */
async function mayChangePlan(
  ctx: AppContext,
  speaker: Speaker,
  ref: string,
): Promise<Reply | undefined> {
  const record = await reviewByReference(ctx, speaker.actor.organisationId, ref);
  if (!record) return notFound(ref);
  if (speaker.person.isOfficer || record.review.managementOwnerId === speaker.actor.personId)
    return undefined;
  return refusalReply([
    {
      code: 'not-allowed',
      message: `Only an officer or the person named for management on ${record.reference} can add actions to its improvement plan.`,
    },
  ]);
}

async function reviewAction(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-action'>,
): Promise<Reply> {
  const refused = await mayChangePlan(ctx, request.speaker, command.reviewRef);
  if (refused) return refused;
  const lead = await mentionedPerson(ctx, request, command.personUserId);
  // Sedgemoor ToR 6.2: each action has a "lead staff member", the landlord's own, not a tenant.
  const notStaff = await whyNotManagement(ctx, request.speaker.organisation._id, lead._id);
  if (notStaff.length > 0)
    return refusalReply([
      {
        code: 'review.action-lead-not-staff',
        message: `${lead.displayName} is not staff or an officer here, so cannot lead an action of the improvement plan; add them to a group with role:staff first, or name someone who is.`,
      },
    ]);
  const result = await addReviewImprovementAction(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
    recommendationId: String(command.recommendation),
    action: command.action,
    ownerPersonId: lead._id,
    dueOn: command.due,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The action was not added');
  const record = result.value;
  const added = record.review.improvementPlan.actions.at(-1);
  const id = added?.id ?? '';
  return {
    ...noticeReply(
      `${id} added to the improvement plan of ${record.reference}: ${command.action}, led by ${lead.displayName}, due ${longDate(command.due)}.`,
    ),
    deliveries: tellOther(request.speaker, lead._id, {
      text: `You lead action ${id} of the improvement plan for ${record.reference} (${record.review.title}): ${command.action}. It is due ${longDate(command.due)}; when it is done, type \`review action done ${record.reference} ${id}\`.`,
    }),
  };
}

async function reviewActionDone(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-action-done'>,
): Promise<Reply> {
  const result = await completeReviewImprovementAction(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
    actionId: command.actionId,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The action was not marked done');
  const record = result.value;
  const action = record.review.improvementPlan.actions.find(
    (a) => a.id === `A${command.actionId.replace(/^[Aa]?-?/, '')}`,
  );
  const line = `${action?.id ?? command.actionId} of ${record.reference} is done: ${action?.action ?? ''}`;
  return {
    ...noticeReply(line),
    deliveries: tellOther(request.speaker, record.review.managementOwnerId, {
      text: `${request.speaker.person.displayName} marked ${line}`,
    }),
  };
}

async function reviewPlanShow(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-plan'>,
): Promise<Reply> {
  const { actor, organisation, person } = request.speaker;
  const record = await reviewByReference(ctx, actor.organisationId, command.reviewRef);
  if (!record) return notFound(command.reviewRef);
  const onPlan = peopleOnPlan(record.review);
  if (!person.isOfficer && !onPlan.includes(actor.personId)) {
    const standing = await standingIn(ctx, actor, record.groupId);
    if (!standing || standing.roles.length === 0)
      return refusalReply([
        {
          code: 'not-allowed',
          message: `Only people in the group that runs ${record.reference}, or named on its plan, can see its improvement plan.`,
        },
      ]);
  }
  const [names, today, planDue, signOffDue] = await Promise.all([
    new PersonBook(ctx.db).namesOf(onPlan),
    localToday(ctx, actor.organisationId),
    owedPlanDeadline(ctx, record._id),
    owedSignOff(ctx, record),
  ]);
  return {
    kind: 'message',
    text: `The improvement plan of ${record.reference}.`,
    card: improvementPlanCard(
      record,
      names,
      today,
      { ...(planDue ? { planDue } : {}), ...(signOffDue ? { signOffDue } : {}) },
      organisation.timeZone,
    ),
  };
}

function signOffLine(due: Date | undefined, zone: string): string[] {
  return due
    ? [`The committee signs it off or returns it by ${dueText(due, zone)} (Sedgemoor ToR 6.2).`]
    : [];
}

async function reviewPlanSubmit(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-plan-submit'>,
): Promise<Reply> {
  const result = await submitReviewPlan(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The plan was not handed in');
  const { record, signOffDue } = result.value;
  const zone = request.speaker.organisation.timeZone;
  const title = `The improvement plan of ${record.reference} is handed in to the committee.`;
  const reasons = [
    ...signOffLine(signOffDue, zone),
    `See it with \`review plan ${record.reference}\`.`,
  ];
  return {
    ...noticeReply(title, 'ok', reasons),
    deliveries: [
      ...(await toGroup(ctx, record, { text: `${title} ${reasons.join(' ')}` })),
      ...tellOther(request.speaker, record.createdBy, {
        text: `${title} ${signOffLine(signOffDue, zone).join(' ')} Sign it off with \`review plan signoff ${record.reference}\` or return it with \`review plan return ${record.reference} "<why>"\`.`,
      }),
    ],
  };
}

async function reviewPlanSignOff(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-plan-signoff'>,
): Promise<Reply> {
  const result = await agreeReviewImprovementPlan(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The plan was not signed off');
  const record = result.value;
  const title = `The improvement plan of ${record.reference} is signed off.`;
  const reasons = followUpReasons(record.review, record.reference);
  return {
    ...noticeReply(title, 'ok', reasons),
    deliveries: [
      ...(await toGroup(ctx, record, { text: [title, ...reasons].join(' ') })),
      ...tellOther(request.speaker, record.review.managementOwnerId, {
        text: `${title} Its actions' leads are reminded as each falls due.`,
      }),
    ],
  };
}

function followUpReasons(review: Review, ref: string): string[] {
  const window = followUpWindow(review);
  if (!window) return [];
  return [
    `The group's terms have the plan reviewed again between ${longDate(window.from)} and ${longDate(window.to)}; an officer sets the day with \`review followup ${ref} on:<date>\`.`,
  ];
}

async function reviewPlanReturn(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-plan-return'>,
): Promise<Reply> {
  const result = await returnReviewPlan(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
    reason: command.reason,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The plan was not returned');
  const record = result.value;
  const title = `The improvement plan of ${record.reference} is returned to management for further improvement.`;
  return {
    ...noticeReply(title, 'ok', [`Why: ${command.reason}`]),
    deliveries: [
      ...tellOther(request.speaker, record.review.managementOwnerId, {
        text: `The committee returned the improvement plan of ${record.reference} for further improvement: ${command.reason} Change its actions with \`review action ${record.reference} …\`, then hand it in again with \`review plan submit ${record.reference}\`.`,
      }),
      ...(await toGroup(ctx, record, { text: `${title} Why: ${command.reason}` })),
    ],
  };
}

async function reviewFollowUp(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-followup'>,
): Promise<Reply> {
  const result = await setReviewFollowUp(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
    on: command.on,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The follow-up review was not set');
  return noticeReply(
    `The improvement plan of ${result.value.reference} will be reviewed again on ${longDate(command.on)}.`,
  );
}

export const reviewRespondHandler = handleCommand(reviewRespondCommand, reviewRespond);
export const reviewActionHandler = handleCommand(reviewActionCommand, reviewAction);
export const reviewActionDoneHandler = handleCommand(reviewActionDoneCommand, reviewActionDone);
export const reviewPlanHandler = handleCommand(reviewPlanCommand, reviewPlanShow);
export const reviewPlanSubmitHandler = handleCommand(reviewPlanSubmitCommand, reviewPlanSubmit);
export const reviewPlanSignOffHandler = handleCommand(reviewPlanSignOffCommand, reviewPlanSignOff);
export const reviewPlanReturnHandler = handleCommand(reviewPlanReturnCommand, reviewPlanReturn);
export const reviewFollowUpHandler = handleCommand(reviewFollowUpCommand, reviewFollowUp);
