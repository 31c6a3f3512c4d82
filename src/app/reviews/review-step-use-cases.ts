import { whyNotStaffToCall } from './management-owner';
import { z } from 'zod';
import {
  agreeScope,
  planMeeting,
  recordReport,
  REPORT_KINDS,
  type StaffNoticeRule,
} from '../../domain/reviews';
import { GroupBook } from '../../store/groups/group-book';
import { calendarOf } from '../organisations/register-organisation';
import { localToday, policyOf } from '../people/standing';
import { httpsUrl, localDate, recordId, requiredText } from '../shared/inputs';
import { defineUseCase } from '../shared/use-case';
import { changeReview, reviewByReference } from './review-use-cases';

/** Steps of a review taken from chat that the older use cases (review-progress.ts) lack. */

const reviewRef = requiredText(20);
const officerOrChair = (doing: string) => ({
  roles: ['officer', 'chair'] as Array<'officer' | 'chair'>,
  doing,
});

/** Sedgemoor ToR 4.3(1): the objective and scope agreed, which is step 1 done. */
export const agreeReviewScope = defineUseCase({
  name: 'agreeReviewScope',
  input: z.object({ reviewRef, scope: requiredText(1000) }),
  async run(ctx, actor, input) {
    const on = await localToday(ctx, actor.organisationId);
    return changeReview(
      ctx,
      actor,
      input.reviewRef,
      officerOrChair('agree a review’s scope'),
      'review.scope-agreed',
      (review) => agreeScope(review, input.scope, actor.personId, on),
      input.scope,
    );
  },
});

/**
 * Sedgemoor ToR 4.3(5) the evidence-based report (step 5) and 4.3(8) the final report (step 8),
 * each with a link to the document where the panel keeps it. Writing the report is not ours.
 */
export const recordReviewReport = defineUseCase({
  name: 'recordReviewReport',
  input: z.object({ reviewRef, kind: z.enum(REPORT_KINDS), link: httpsUrl.optional() }),
  async run(ctx, actor, input) {
    const on = await localToday(ctx, actor.organisationId);
    return changeReview(
      ctx,
      actor,
      input.reviewRef,
      officerOrChair('record a review’s report'),
      `review.report-${input.kind}`,
      (review) => recordReport(review, input.kind, actor.personId, on, input.link),
    );
  },
});

/**
 * A meeting planned with staff called to it. The notice they are owed is the group's
 * staffNoticeWorkingDays (Sedgemoor ToR 6.1, Trafford QIP ToR 7: 10 working days), counted on
 * the organisation's calendar so bank holidays do not count; where the terms set none, none is
 * enforced. Sending each person their notice is the caller's (it knows the channel).
 */
export const planReviewMeeting = defineUseCase({
  name: 'planReviewMeeting',
  input: z.object({
    reviewRef,
    on: localDate,
    invitedPersonIds: z.array(recordId).max(20).default([]),
  }),
  async run(ctx, actor, input) {
    const [today, calendar, found] = await Promise.all([
      localToday(ctx, actor.organisationId),
      calendarOf(ctx, actor.organisationId),
      reviewByReference(ctx, actor.organisationId, input.reviewRef),
    ]);
    const notStaff = (
      await Promise.all(
        input.invitedPersonIds.map((id) => whyNotStaffToCall(ctx, actor.organisationId, id)),
      )
    ).flat();
    const group = found ? await new GroupBook(ctx.db).get(found.groupId) : undefined;
    const workingDays = group ? policyOf(group).staffNoticeWorkingDays : undefined;
    const notice: StaffNoticeRule | undefined = workingDays ? { workingDays, calendar } : undefined;
    return changeReview(
      ctx,
      actor,
      input.reviewRef,
      officerOrChair('plan review meetings'),
      'review.meeting-planned',
      // After the role check (inside changeReview), so someone who may not plan meetings is
      // told that, not who may be invited.
      (review) =>
        notStaff.length > 0
          ? { ok: false, refusals: notStaff }
          : planMeeting(
              review,
              { on: input.on, invited: input.invitedPersonIds, by: actor.personId, today },
              notice,
            ),
    );
  },
});
