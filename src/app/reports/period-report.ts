import { CHECK_KIND_LABELS, OFFER_VERDICT_LABELS, type CheckKind } from '../../domain/checks';
import { DEADLINE_LABELS, type DeadlineKind } from '../../domain/deadlines/deadline-rules';
import { compareWithTarget, type ServiceStandard } from '../../domain/standards';
import {
  checkAssignmentModel,
  realityCheckModel,
  type CheckAssignmentRecord,
  type RealityCheckRecord,
} from '../../store/checks/reality-check-model';
import { deadlineModel, type DeadlineRecord } from '../../store/deadlines/deadline-model';
import {
  evidenceRequestModel,
  type EvidenceRequestRecord,
} from '../../store/evidence/evidence-request-model';
import { groupModel, type GroupRecord } from '../../store/groups/group-model';
import { OrganisationBook } from '../../store/organisations/organisation-book';
import { personModel } from '../../store/people/person-model';
import { reviewModel, type ReviewRecord } from '../../store/reviews/review-model';
import { StandardBook } from '../../store/standards/standard-book';
import { offerInspections } from '../checks/offer-verification-states';
import type { Blinding } from '../checks/findings-views';
import { policyOf } from '../people/standing';
import type { AppContext } from '../shared/context';
import type { ReportPeriod } from './report-period';
import { localDateOf, outward } from './report-text';
import {
  ACTION_STATE_TEXT,
  actionLines,
  planStateText,
  recommendationLines,
  reviewStage,
} from './review-outline';

/**
 * The quarterly report (Torus TIMS: "report findings quarterly to the Landlord Operations
 * Committee and the Scrutiny Group"; Trafford: inspectors' reports to the Panel "on a quarterly
 * basis") and the annual report (Trafford: "an annual report on its activities to Board") share
 * these sections over their own span. The figures carry no one's name: they go to committees
 * and boards, and counts need none.
 */

export type OfferTargetState = 'met target' | 'below target' | 'no figure to compare';
export type OfferVerification =
  'verified' | 'partly verified' | 'not verified' | 'being verified' | 'not yet verified';

export interface OfferLine {
  key: string;
  serviceArea: string;
  promise: string;
  target: string;
  latest: string;
  targetState: OfferTargetState;
  verification: OfferVerification;
  /** "C-4, approved 2026-08", or the planned month from the local offers. */
  verificationDetail: string;
}

export interface CheckLine {
  ref: string;
  kind: string;
  serviceArea: string;
  dueOn: string;
  state: 'done' | 'outstanding';
  /** Where the inspectors stand: "2 approved, 1 to review". */
  progress: string;
}

export interface AreaFindings {
  serviceArea: string;
  checks: number;
  approvedFindings: number;
  strengths: number;
  weaknesses: number;
  recommendations: number;
}

export interface ReviewLine {
  ref: string;
  title: string;
  group: string;
  stage: string;
  recommendations: string;
  plan: string;
}

export interface RecommendationActionLine {
  review: string;
  item: string;
  text: string;
  status: string;
}

export interface MissedDeadline {
  what: string;
  about: string;
  dueOn: string;
  now: string;
}

export interface PeriodReport {
  organisation: string;
  period: ReportPeriod;
  asOf: string;
  checks: CheckLine[];
  findingsByArea: AreaFindings[];
  offers: OfferLine[];
  reviews: ReviewLine[];
  recommendationsAndActions: RecommendationActionLine[];
  deadlinesMissed: MissedDeadline[];
}

const NO_AREA = 'Not linked to a local offer';

function targetText(s: ServiceStandard): string {
  if (!s.target) return 'no target';
  const sign = s.target.direction === 'at-least' ? 'at least' : 'at most';
  return `${sign} ${s.target.value} ${s.target.unit}`;
}

function latestText(s: ServiceStandard): string {
  if (!s.latest) return 'no figure';
  return `${s.latest.value} ${s.latest.unit ?? s.target?.unit ?? ''} (${s.latest.period})`;
}

function targetStateOf(s: ServiceStandard): OfferTargetState {
  const c = compareWithTarget(s);
  return c.status === 'met'
    ? 'met target'
    : c.status === 'missed'
      ? 'below target'
      : 'no figure to compare';
}

/** Each group's blinding, read once: the period's reviews may belong to several groups. */
async function blindingsOf(
  ctx: AppContext,
  organisationId: string,
  groups: readonly GroupRecord[],
): Promise<Map<string, Blinding>> {
  const blinded = groups.filter((g) => policyOf(g).findingsBlinded);
  const names =
    blinded.length === 0
      ? []
      : (
          await personModel(ctx.db)
            .find({ organisationId })
            .select({ displayName: 1 })
            .lean<Array<{ displayName: string }>>()
        ).map((p) => p.displayName);
  return new Map(
    groups.map((g) => [
      g._id,
      policyOf(g).findingsBlinded ? { on: true, names } : { on: false, names: [] },
    ]),
  );
}

function progressOf(active: readonly CheckAssignmentRecord[]): string {
  const count = (pred: (a: CheckAssignmentRecord) => boolean) => active.filter(pred).length;
  const parts: Array<[number, string]> = [
    [count((a) => a.status === 'reviewed'), 'approved'],
    [count((a) => a.status === 'submitted'), 'to review'],
    [count((a) => a.status === 'accepted'), 'not yet sent'],
    [count((a) => a.status === 'offered'), 'not yet accepted'],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length > 0 ? said.join(', ') : 'nobody has taken it';
}

export async function assemblePeriodReport(
  ctx: AppContext,
  organisationId: string,
  period: ReportPeriod,
  zone: string,
): Promise<PeriodReport> {
  const now = ctx.now();
  const asOf = localDateOf(now, zone);
  // A plan's actions are judged as they stood at the end of the period, or today if sooner.
  const judgedOn = asOf < period.to ? asOf : period.to;
  const [organisation, checks, standards, inspections, reviews, groups, deadlines] =
    await Promise.all([
      new OrganisationBook(ctx.db).get(organisationId),
      realityCheckModel(ctx.db)
        .find({ organisationId, dueOn: { $gte: period.from, $lte: period.to } })
        .sort({ dueOn: 1, reference: 1 })
        .lean<RealityCheckRecord[]>(),
      new StandardBook(ctx.db).allOf(organisationId),
      offerInspections(ctx, organisationId, zone),
      reviewModel(ctx.db)
        .find({ organisationId, 'review.openedOn': { $lte: period.to } })
        .sort({ createdAt: 1 })
        .lean<ReviewRecord[]>(),
      groupModel(ctx.db).find({ organisationId }).lean<GroupRecord[]>(),
      deadlineModel(ctx.db)
        .find({ organisationId, dueAt: { $gte: period.startsAt, $lt: period.endsAt } })
        .sort({ dueAt: 1 })
        .lean<DeadlineRecord[]>(),
    ]);
  const assignments =
    checks.length === 0
      ? []
      : await checkAssignmentModel(ctx.db)
          .find({ checkId: { $in: checks.map((c) => c._id) } })
          .lean<CheckAssignmentRecord[]>();
  const byCheck = new Map<string, CheckAssignmentRecord[]>();
  for (const a of assignments) {
    const list = byCheck.get(a.checkId);
    if (list) list.push(a);
    else byCheck.set(a.checkId, [a]);
  }
  const standardByKey = new Map(standards.map((s) => [s.key, s.standard]));
  const areaOf = (check: RealityCheckRecord) => {
    const key = check.standardKey ?? check.offerKeys?.[0];
    return (key && standardByKey.get(key)?.serviceArea) || NO_AREA;
  };

  const checkLines: CheckLine[] = [];
  const areas = new Map<string, AreaFindings>();
  for (const check of checks) {
    const active = (byCheck.get(check._id) ?? []).filter((a) => a.status !== 'declined');
    const approved = active.filter((a) => a.status === 'reviewed');
    const serviceArea = areaOf(check);
    checkLines.push({
      ref: check.reference,
      kind: CHECK_KIND_LABELS[check.kind as CheckKind] ?? check.kind,
      serviceArea,
      dueOn: check.dueOn,
      state: active.length > 0 && approved.length === active.length ? 'done' : 'outstanding',
      progress: progressOf(active),
    });
    const area = areas.get(serviceArea) ?? {
      serviceArea,
      checks: 0,
      approvedFindings: 0,
      strengths: 0,
      weaknesses: 0,
      recommendations: 0,
    };
    area.checks += 1;
    for (const a of approved) {
      const f = a.submission?.findings;
      area.approvedFindings += 1;
      area.strengths += f?.strengths.length ?? 0;
      area.weaknesses += f?.weaknesses.length ?? 0;
      area.recommendations += f?.recommendations.length ?? 0;
    }
    areas.set(serviceArea, area);
  }

  const offers: OfferLine[] = standards
    .map((record) => {
      const s = record.standard;
      const state = inspections.get(s.key);
      let verification: OfferVerification = 'not yet verified';
      let verificationDetail = s.verification.plannedMonth
        ? `inspection planned for ${s.verification.plannedMonth}`
        : '';
      if (state?.approved) {
        verification = OFFER_VERDICT_LABELS[state.approved.verdict] as OfferVerification;
        verificationDetail = `${state.approved.ref}, approved ${state.approved.month}${state.underway ? `; ${state.underway} under way` : ''}`;
      } else if (state?.underway) {
        verification = 'being verified';
        verificationDetail = `by ${state.underway}`;
      } else if (s.verification.done) {
        verification = 'verified';
        verificationDetail = s.verification.outcome ?? 'as the local offers record';
      }
      return {
        key: s.key,
        serviceArea: s.serviceArea,
        promise: s.promise,
        target: targetText(s),
        latest: latestText(s),
        targetState: targetStateOf(s),
        verification,
        verificationDetail,
      };
    })
    .sort((a, b) => a.serviceArea.localeCompare(b.serviceArea) || a.key.localeCompare(b.key));

  const blindings = await blindingsOf(ctx, organisationId, groups);
  const groupName = new Map(groups.map((g) => [g._id, g.name]));
  const reviewLines: ReviewLine[] = [];
  const recs: RecommendationActionLine[] = [];
  for (const record of reviews) {
    const review = record.review;
    const blinding = blindings.get(record.groupId) ?? { on: true, names: [] };
    const lines = recommendationLines(review, blinding);
    const actions = actionLines(review, judgedOn, blinding);
    const agreed = lines.filter((l) => l.committee === 'agreed').length;
    reviewLines.push({
      ref: record.reference,
      title: outward(review.title, blinding),
      group: groupName.get(record.groupId) ?? '',
      stage: reviewStage(review),
      recommendations: `${lines.length} made, ${agreed} agreed`,
      plan: `${planStateText(review)}; ${actions.length} actions (${actions.filter((a) => a.state === 'overdue').length} overdue, ${actions.filter((a) => a.state === 'done').length} done)`,
    });
    for (const l of lines)
      recs.push({
        review: record.reference,
        item: `Recommendation ${l.number}`,
        text: l.text,
        status: `committee: ${l.committee}; management: ${l.management}`,
      });
    for (const a of actions)
      recs.push({
        review: record.reference,
        item: `Action ${a.id} (rec. ${a.recommendation})`,
        text: a.action,
        status: `${ACTION_STATE_TEXT[a.state]}${a.state === 'done' && a.doneOn ? ` ${a.doneOn}` : ''}, due ${a.dueOn}`,
      });
  }

  const missed = deadlines.filter(
    (d) =>
      d.state === 'missed' ||
      (d.state === 'met' && d.metAt !== undefined && new Date(d.metAt) > new Date(d.dueAt)) ||
      (d.state === 'open' && new Date(d.dueAt) < now),
  );
  const reviewRefs = new Map(reviews.map((r) => [r._id, r.reference]));
  const checkRefs = new Map(checks.map((c) => [c._id, c.reference]));
  const requestIds = missed
    .filter((d) => d.subject.kind === 'evidence-request')
    .map((d) => d.subject.id);
  const requests =
    requestIds.length === 0
      ? []
      : await evidenceRequestModel(ctx.db)
          .find({ _id: { $in: requestIds } })
          .select({ reference: 1 })
          .lean<Array<Pick<EvidenceRequestRecord, '_id' | 'reference'>>>();
  const requestRefs = new Map(requests.map((r) => [r._id, r.reference]));
  const about = (d: DeadlineRecord): string => {
    const { kind, id } = d.subject;
    if (kind === 'review') return reviewRefs.get(id) ?? 'a review';
    if (kind === 'improvement-action') {
      const [reviewId, actionId] = id.split('/');
      return `${reviewRefs.get(reviewId ?? '') ?? 'a review'} action ${actionId ?? ''}`.trim();
    }
    if (kind === 'evidence-request') return requestRefs.get(id) ?? 'an information request';
    if (kind === 'check') return checkRefs.get(id) ?? 'a check';
    return kind.replace(/-/g, ' ');
  };

  return {
    organisation: organisation.name,
    period,
    asOf,
    checks: checkLines,
    findingsByArea: [...areas.values()].sort((a, b) => a.serviceArea.localeCompare(b.serviceArea)),
    offers,
    reviews: reviewLines,
    recommendationsAndActions: recs,
    deadlinesMissed: missed.map((d) => ({
      what: DEADLINE_LABELS[d.kind as DeadlineKind] ?? d.kind,
      about: about(d),
      dueOn: localDateOf(new Date(d.dueAt), zone),
      now:
        d.state === 'met'
          ? `met late, ${localDateOf(new Date(d.metAt ?? d.dueAt), zone)}`
          : d.state === 'open'
            ? 'still open'
            : 'missed',
    })),
  };
}
