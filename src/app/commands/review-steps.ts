import {
  reviewAgreeCommand,
  reviewDoneCommand,
  reviewEscalateCommand,
  reviewHeldCommand,
  reviewMeetingCommand,
  reviewRecommendCommand,
  reviewReportCommand,
  reviewScopeCommand,
  reviewShowCommand,
  reviewSkipCommand,
} from '../../commands';
import type { CommandOf } from '../../commands';
import { stepLabel, type StepNumber } from '../../domain/reviews';
import { mentionedPerson, type CommandRequest } from '../dispatch/command-request';
import { noticeReply, refusalReply, refusedOr, tellPerson, type Reply } from '../dispatch/reply';
import { longDate } from '../dispatch/view-models';
import { localToday } from '../people/standing';
import { reviewCardFor } from '../reviews/review-card-data';
import {
  addReviewRecommendation,
  completeReviewStep,
  skipReviewStep,
} from '../reviews/review-progress';
import {
  agreeReviewScope,
  planReviewMeeting,
  recordReviewReport,
} from '../reviews/review-step-use-cases';
import { escalateReview, recordReviewMeeting } from '../reviews/review-use-cases';
import type { AppContext } from '../shared/context';
import { handleCommand } from './command-handler';
import { reviewAgree } from './review-agree';

async function reviewShow(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-show'>,
): Promise<Reply> {
  const zone = request.speaker.organisation.timeZone;
  const shown = await reviewCardFor(ctx, request.speaker.actor, command.reviewRef, zone);
  return refusedOr(shown, ({ record, card }) => ({
    kind: 'message',
    text: `Review ${record.reference}: ${record.review.title}`,
    card,
  }));
}

async function reviewScope(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-scope'>,
): Promise<Reply> {
  const result = await agreeReviewScope(ctx, request.speaker.actor, command);
  return refusedOr(result, (record) =>
    noticeReply(`Scope of ${record.reference} agreed; ${stepLabel(1)} is done.`),
  );
}

async function reviewDone(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-done'>,
): Promise<Reply> {
  const result = await completeReviewStep(ctx, request.speaker.actor, command);
  return refusedOr(result, (record) =>
    noticeReply(`${record.reference}: ${stepLabel(command.step as StepNumber)} done.`),
  );
}

async function reviewSkip(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-skip'>,
): Promise<Reply> {
  const result = await skipReviewStep(ctx, request.speaker.actor, command);
  return refusedOr(result, (record) =>
    noticeReply(`${record.reference}: ${stepLabel(command.step as StepNumber)} skipped.`, 'ok', [
      `Reason: ${command.reason}`,
    ]),
  );
}

/** Each member of staff invited is told in their own chat, as evidence requests are. */
async function reviewMeeting(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-meeting'>,
): Promise<Reply> {
  const invited = await Promise.all(
    (command.inviteUserIds ?? []).map((id) => mentionedPerson(ctx, request, id)),
  );
  const result = await planReviewMeeting(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
    on: command.on,
    invitedPersonIds: invited.map((p) => p._id),
  });
  if (!result.ok) return refusalReply(result.refusals, 'The meeting was not planned');
  const record = result.value;
  const when = longDate(command.on);
  const names = invited.map((p) => p.displayName);
  const organisationId = request.speaker.organisation._id;
  return {
    ...noticeReply(
      `Meeting for ${record.reference} planned on ${when}.`,
      'ok',
      names.length > 0 ? [`Invited, each told in their own chat: ${names.join(', ')}.`] : [],
    ),
    deliveries: invited.map((person) =>
      tellPerson(organisationId, person._id, {
        text: `You are invited to a scrutiny review meeting on ${when}.`,
        card: {
          name: 'notice',
          viewModel: {
            title: `You are invited to a scrutiny review meeting on ${when}`,
            tone: 'info',
            reasons: [
              `Review ${record.reference}: ${record.review.title}.`,
              `${request.speaker.person.displayName} invited you to present evidence to the panel.`,
            ],
          },
        },
      }),
    ),
  };
}

async function reviewHeld(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-held'>,
): Promise<Reply> {
  const on = command.on ?? (await localToday(ctx, request.speaker.organisation._id));
  const result = await recordReviewMeeting(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
    on,
    attendees: command.attendees,
    notes: command.notes,
  });
  return refusedOr(result, (record) =>
    noticeReply(
      `Meeting on ${longDate(on)} recorded for ${record.reference}: ${record.review.meetings.length} held so far.`,
    ),
  );
}

async function reviewRecommend(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-recommend'>,
): Promise<Reply> {
  const result = await addReviewRecommendation(ctx, request.speaker.actor, command);
  return refusedOr(result, (record) => {
    const added = record.review.recommendations.at(-1);
    return noticeReply(`Recommendation ${added?.id ?? ''} added to ${record.reference}.`);
  });
}

async function reviewReport(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-report'>,
): Promise<Reply> {
  const result = await recordReviewReport(ctx, request.speaker.actor, command);
  const step = command.kind === 'draft' ? 5 : 8;
  return refusedOr(result, (record) =>
    noticeReply(
      `${command.kind === 'draft' ? 'Draft' : 'Final'} report recorded for ${record.reference}; ${stepLabel(step)} is done.`,
    ),
  );
}

async function reviewEscalate(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-escalate'>,
): Promise<Reply> {
  const result = await escalateReview(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
    reason: command.reason,
    agreed: command.agreed === 'agreed',
  });
  return refusedOr(result, (record) => {
    const stage = record.review.policy.escalationLadder.find(
      (s) => s.id === record.review.escalation.stage,
    );
    return noticeReply(`${record.reference} taken to ${stage?.label ?? 'the next stage'}.`, 'ok', [
      `Reason: ${command.reason}`,
    ]);
  });
}

export const reviewShowHandler = handleCommand(reviewShowCommand, reviewShow);
export const reviewScopeHandler = handleCommand(reviewScopeCommand, reviewScope);
export const reviewDoneHandler = handleCommand(reviewDoneCommand, reviewDone);
export const reviewSkipHandler = handleCommand(reviewSkipCommand, reviewSkip);
export const reviewMeetingHandler = handleCommand(reviewMeetingCommand, reviewMeeting);
export const reviewHeldHandler = handleCommand(reviewHeldCommand, reviewHeld);
export const reviewRecommendHandler = handleCommand(reviewRecommendCommand, reviewRecommend);
export const reviewReportHandler = handleCommand(reviewReportCommand, reviewReport);
export const reviewAgreeHandler = handleCommand(reviewAgreeCommand, reviewAgree);
export const reviewEscalateHandler = handleCommand(reviewEscalateCommand, reviewEscalate);
