import {
  reportFeedbackCommand,
  reportPlanCommand,
  reportQuarterCommand,
  reportReviewCommand,
  reportYearCommand,
  reportYouSaidCommand,
} from '../../commands';
import { feedbackDocument } from '../../reports/layouts/feedback';
import { periodDocument } from '../../reports/layouts/period';
import { planDocument } from '../../reports/layouts/plan';
import { reviewDocument } from '../../reports/layouts/review';
import { youSaidDocument } from '../../reports/layouts/you-said';
import { refusedOr } from '../dispatch/reply';
import { annualReport } from '../reports/annual-report';
import { inspectionFeedbackReport } from '../reports/inspection-feedback';
import { planTracker } from '../reports/plan-tracker';
import { quarterlyReport } from '../reports/quarterly-report';
import {
  feedbackSummary,
  periodSummary,
  planSummary,
  reportReply,
  reviewSummary,
  youSaidSummary,
} from '../reports/report-summary';
import { reviewReport } from '../reports/review-report';
import { youSaidWeDid } from '../reports/you-said-we-did';
import { handleCommand } from './command-handler';

export const reportFeedbackHandler = handleCommand(
  reportFeedbackCommand,
  async (ctx, request, command) =>
    refusedOr(
      await inspectionFeedbackReport(ctx, request.speaker.actor, { checkRef: command.checkRef }),
      (report) => reportReply(feedbackDocument(report), feedbackSummary(report), ctx.now()),
    ),
);

export const reportReviewHandler = handleCommand(
  reportReviewCommand,
  async (ctx, request, command) =>
    refusedOr(
      await reviewReport(ctx, request.speaker.actor, {
        reviewRef: command.reviewRef,
        version: command.version,
      }),
      (report) => reportReply(reviewDocument(report), reviewSummary(report), ctx.now()),
    ),
);

export const reportQuarterHandler = handleCommand(
  reportQuarterCommand,
  async (ctx, request, command) =>
    refusedOr(
      await quarterlyReport(ctx, request.speaker.actor, { quarter: command.quarter }),
      async (report) =>
        reportReply(await periodDocument(report, 'quarterly'), periodSummary(report), ctx.now()),
    ),
);

export const reportYearHandler = handleCommand(reportYearCommand, async (ctx, request, command) =>
  refusedOr(
    await annualReport(ctx, request.speaker.actor, { year: command.year }),
    async (report) =>
      reportReply(await periodDocument(report, 'annual'), periodSummary(report), ctx.now()),
  ),
);

export const reportYouSaidHandler = handleCommand(
  reportYouSaidCommand,
  async (ctx, request, command) =>
    refusedOr(await youSaidWeDid(ctx, request.speaker.actor, { year: command.year }), (report) =>
      reportReply(youSaidDocument(report), youSaidSummary(report), ctx.now()),
    ),
);

export const reportPlanHandler = handleCommand(reportPlanCommand, async (ctx, request, command) =>
  refusedOr(
    await planTracker(ctx, request.speaker.actor, { reviewRef: command.reviewRef }),
    (plan) => reportReply(planDocument(plan), planSummary(plan), ctx.now()),
  ),
);
