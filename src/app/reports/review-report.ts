import { z } from 'zod';
import { minimumMeetingsFor, REVIEW_STEPS } from '../../domain/reviews';
import { ok, refuse, type Result } from '../../domain/shared/result';
import {
  evidenceRequestModel,
  type EvidenceRequestRecord,
} from '../../store/evidence/evidence-request-model';
import { GroupBook } from '../../store/groups/group-book';
import { PersonBook } from '../../store/people/person-book';
import { blindingFor } from '../checks/findings-views';
import { localToday } from '../people/standing';
import { reviewByReference } from '../reviews/review-use-cases';
import { requireGroupRole } from '../shared/authorise';
import { defineUseCase } from '../shared/use-case';
import { localDateOf, organisationZone, outward } from './report-text';
import { reviewCheckFindings, type CheckFindings } from './review-findings';
import {
  actionLines,
  planStateText,
  recommendationLines,
  reviewStage,
  type ActionLine,
  type RecommendationLine,
} from './review-outline';

/**
 * The panel's review report, draft and final (Sedgemoor 4.3(5) "a written report with
 * evidence-based recommendations", 4.3(8) the final report, 5.2 "the Panel will then prepare its
 * formal report, along with the agreed improvement plan"; Trafford: service review reports to
 * the Executive Management Team and Board). The panel prepares it, so the chair may ask for it
 * as well as an officer.
 */

export const REPORT_VERSIONS = ['draft', 'final'] as const;
export type ReportVersion = (typeof REPORT_VERSIONS)[number];

export interface EvidenceLine {
  ref: string;
  what: string;
  askedOn: string;
  dueOn: string;
  state: string;
  links: string[];
}

export interface ReviewReport {
  ref: string;
  version: ReportVersion;
  title: string;
  groupName: string;
  depth: string;
  topicSource: string;
  openedOn: string;
  asOf: string;
  scope: string;
  stage: string;
  steps: Array<{ number: number; name: string; state: string }>;
  evidenceReceived: EvidenceLine[];
  evidenceMissing: EvidenceLine[];
  meetings: Array<{ on: string; attendees: number; notes: string }>;
  meetingsMinimum?: number;
  findings: CheckFindings[];
  recommendations: RecommendationLine[];
  managementResponseOn?: string;
  planState: string;
  actions: Array<ActionLine & { owner: string }>;
}

const EVIDENCE_STATES: Record<EvidenceRequestRecord['state'], string> = {
  open: 'not yet sent',
  sent: 'received',
  'more-time-asked': 'more time asked for',
  redirected: 'passed to someone else',
};

export const reviewReport = defineUseCase({
  name: 'reviewReport',
  input: z.object({
    reviewRef: z.string().trim().min(1, 'say which review, e.g. R-12'),
    version: z.enum(REPORT_VERSIONS),
  }),
  async run(ctx, actor, input): Promise<Result<ReviewReport>> {
    const record = await reviewByReference(ctx, actor.organisationId, input.reviewRef);
    if (!record)
      return refuse(
        'review-not-found',
        `There is no review ${input.reviewRef} in your organisation.`,
      );
    const refusals = await requireGroupRole(
      ctx,
      actor,
      record.groupId,
      ['officer', 'chair'],
      'produce the review report',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const review = record.review;
    const undecided = review.recommendations.filter((r) => r.agreed === undefined);
    if (input.version === 'final' && (review.recommendations.length === 0 || undecided.length > 0))
      return refuse(
        'report.final-too-soon',
        review.recommendations.length === 0
          ? `${record.reference} has no recommendations yet; the final report carries the recommendations the committee decided (Sedgemoor 4.3(8)). Ask for the draft instead.`
          : `The committee has not decided recommendation ${undecided.map((r) => r.id).join(', ')} of ${record.reference}; the final report follows their decision. Ask for the draft instead.`,
      );
    const [group, blinding, zone, today, requests] = await Promise.all([
      new GroupBook(ctx.db).get(record.groupId, actor.organisationId),
      blindingFor(ctx, actor.organisationId, record.groupId),
      organisationZone(ctx, actor.organisationId),
      localToday(ctx, actor.organisationId),
      evidenceRequestModel(ctx.db)
        .find({ organisationId: actor.organisationId, reviewId: record._id })
        .sort({ createdAt: 1 })
        .lean<EvidenceRequestRecord[]>(),
    ]);
    const findings = await reviewCheckFindings(ctx, actor.organisationId, record._id, blinding);
    const actions = actionLines(review, today, blinding);
    const owners = await new PersonBook(ctx.db).namesOf(actions.map((a) => a.ownerId));
    const evidence = requests.map((r) => ({
      ref: r.reference,
      what: outward(r.what, blinding),
      askedOn: localDateOf(r.createdAt, zone),
      dueOn: localDateOf(r.dueAt, zone),
      state: EVIDENCE_STATES[r.state],
      links: r.links,
    }));
    const minimum = minimumMeetingsFor(review.policy, review.depth);
    return ok({
      ref: record.reference,
      version: input.version,
      title: outward(review.title, blinding),
      groupName: group.name,
      depth: review.depth,
      topicSource: review.topicSource,
      openedOn: review.openedOn,
      asOf: today,
      scope: review.scope ? outward(review.scope, blinding) : 'not yet agreed',
      stage: reviewStage(review),
      steps: review.steps.map((s) => ({
        number: s.number,
        name: REVIEW_STEPS[s.number - 1]?.name ?? `step ${s.number}`,
        state:
          s.state === 'pending'
            ? 'to do'
            : s.state === 'done'
              ? `done ${s.on}`
              : `skipped ${s.on}: ${outward(s.reason, blinding)}`,
      })),
      evidenceReceived: evidence.filter((e) => e.state === 'received'),
      evidenceMissing: evidence.filter((e) => e.state !== 'received'),
      meetings: review.meetings.map((m) => ({
        on: m.on,
        attendees: m.attendees,
        notes: m.notes ? outward(m.notes, blinding) : '',
      })),
      ...(minimum !== undefined && { meetingsMinimum: minimum }),
      findings,
      recommendations: recommendationLines(review, blinding),
      ...(review.managementResponse && {
        managementResponseOn: review.managementResponse.receivedOn,
      }),
      planState: planStateText(review),
      actions: actions.map((a) => ({ ...a, owner: owners.get(a.ownerId) ?? 'not on record' })),
    });
  },
});
