import { z } from 'zod';
import {
  CHECK_KIND_LABELS,
  OFFER_VERDICT_LABELS,
  type Answer,
  type CheckKind,
  type OfferVerdict,
} from '../../domain/checks';
import { checklistFor } from '../../domain/checks/checklists';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { CheckAssignmentRecord } from '../../store/checks/reality-check-model';
import { FindingFileStore } from '../../store/findings/finding-file-store';
import { GroupBook } from '../../store/groups/group-book';
import { PersonBook } from '../../store/people/person-book';
import { StandardBook } from '../../store/standards/standard-book';
import { CHECK_NOT_FOUND, loadCheck } from '../checks/check-records';
import { blindingFor, labelsFor, offerVerdictsOf, type Blinding } from '../checks/findings-views';
import { requireGroupRole } from '../shared/authorise';
import { defineUseCase } from '../shared/use-case';
import { localDateOf, organisationZone, outward } from './report-text';

/**
 * The inspection feedback report (Torus TIMS: "Tenant Inspector Feedback reports highlighting
 * strengths and weaknesses and areas for improvement"; Southampton TI: "a report outlining good
 * practice and identifying areas for improvement"). Made from approved findings only, so nothing
 * reaches it before the officer has looked (issue 17), and blinded where the group's policy has
 * findingsBlinded: inspectors by number, no names, addresses, emails or phone numbers.
 */

export interface FeedbackAnswer {
  question: string;
  answer: string;
}

export interface FeedbackInspector {
  /** "Inspector 2" where findings are blinded, else the inspector's name. */
  who: string;
  submittedOn: string;
  approvedOn: string;
  answers: FeedbackAnswer[];
  strengths: string[];
  weaknesses: string[];
  recommendations: string[];
  evidenceLinks: string[];
  offers: Array<{ key: string; verdict: string; evidence: string }>;
  /** Files attached to the findings: names, and a signed link for the officer who asked. */
  files: Array<{ name: string; link?: string }>;
}

export interface FeedbackReport {
  ref: string;
  title: string;
  kind: string;
  groupName: string;
  area?: string;
  dueOn: string;
  blinded: boolean;
  inspectors: FeedbackInspector[];
  /** Each offer's verdict from all approved findings (the most cautious), and how it was tested. */
  offers: Array<{ key: string; promise: string; serviceArea: string; verdict: string }>;
  /** Inspectors whose findings are not yet approved, and so not in the report. */
  notYetApproved: number;
}

function answerText(answer: Answer | undefined, blinding: Blinding): string {
  if (answer === undefined) return 'not answered';
  if (typeof answer === 'boolean') return answer ? 'Yes' : 'No';
  if (typeof answer === 'number') return String(answer);
  return outward(answer, blinding);
}

function inspectorOf(
  a: CheckAssignmentRecord,
  kind: CheckKind,
  who: string,
  blinding: Blinding,
  files: FeedbackInspector['files'],
  zone: string,
): FeedbackInspector {
  const submission = a.submission;
  const findings = submission?.findings ?? {
    strengths: [],
    weaknesses: [],
    recommendations: [],
    evidence: [],
  };
  const take = (items: readonly string[]) => items.map((t) => outward(t, blinding));
  return {
    who,
    submittedOn: submission ? localDateOf(new Date(submission.submittedAt), zone) : '',
    approvedOn: a.review ? localDateOf(new Date(a.review.reviewedAt), zone) : '',
    answers: checklistFor(kind).questions.map((q) => ({
      question: q.text,
      answer: answerText(submission?.answers[q.id], blinding),
    })),
    strengths: take(findings.strengths),
    weaknesses: take(findings.weaknesses),
    recommendations: take(findings.recommendations),
    evidenceLinks: take(findings.evidence),
    offers: (submission?.offers ?? []).map((o) => ({
      key: o.offerKey,
      verdict: OFFER_VERDICT_LABELS[o.verdict],
      evidence: outward(o.evidence, blinding),
    })),
    files,
  };
}

export const inspectionFeedbackReport = defineUseCase({
  name: 'inspectionFeedbackReport',
  input: z.object({ checkRef: z.string().trim().min(1, 'say which check, e.g. C-40') }),
  async run(ctx, actor, input): Promise<Result<FeedbackReport>> {
    const loaded = await loadCheck(ctx, actor.organisationId, input.checkRef);
    if (!loaded) return refuse(CHECK_NOT_FOUND.code, CHECK_NOT_FOUND.message);
    const { record, assignments } = loaded;
    const refusals = await requireGroupRole(
      ctx,
      actor,
      record.groupId,
      ['officer'],
      'produce an inspection feedback report',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const approved = assignments.filter((a) => a.status === 'reviewed');
    const active = assignments.filter((a) => a.status !== 'declined');
    if (approved.length === 0)
      return refuse(
        'report.nothing-approved',
        `No findings on ${record.reference} have been approved yet; the feedback report is made from approved findings only, once an officer has reviewed them.`,
      );
    const [group, blinding, files, standards, zone] = await Promise.all([
      new GroupBook(ctx.db).get(record.groupId, actor.organisationId),
      blindingFor(ctx, actor.organisationId, record.groupId),
      new FindingFileStore(ctx.db).ofCheck(record._id),
      new StandardBook(ctx.db).allOf(actor.organisationId),
      organisationZone(ctx, actor.organisationId),
    ]);
    const names = blinding.on
      ? new Map<string, string>()
      : await new PersonBook(ctx.db).namesOf(approved.map((a) => a.personId));
    const labels = labelsFor(assignments);
    const now = ctx.now();
    const inspectors = approved
      .sort((a, b) => (labels.get(a.personId) ?? '').localeCompare(labels.get(b.personId) ?? ''))
      .map((a) =>
        inspectorOf(
          a,
          record.kind as CheckKind,
          blinding.on
            ? (labels.get(a.personId) ?? 'An inspector')
            : (names.get(a.personId) ?? 'An inspector'),
          blinding,
          files
            .filter((f) => f.assignmentId === a._id)
            .map((f) => ({
              name: outward(f.name, blinding),
              ...(ctx.fileLinks && { link: ctx.fileLinks.linkFor(f._id, actor.personId, now) }),
            })),
          zone,
        ),
      );
    const byKey = new Map(standards.map((s) => [s.key, s.standard]));
    const verdicts: Map<string, OfferVerdict> = offerVerdictsOf(record, assignments);
    return ok({
      ref: record.reference,
      title: outward(record.title, blinding),
      kind: CHECK_KIND_LABELS[record.kind as CheckKind] ?? record.kind,
      groupName: group.name,
      ...(record.area !== undefined && { area: record.area }),
      dueOn: record.dueOn,
      blinded: blinding.on,
      inspectors,
      offers: (record.offerKeys ?? []).map((key) => {
        const verdict = verdicts.get(key);
        return {
          key,
          promise: byKey.get(key)?.promise ?? 'no longer among the local offers',
          serviceArea: byKey.get(key)?.serviceArea ?? '',
          verdict: verdict ? OFFER_VERDICT_LABELS[verdict] : 'no approved verdict yet',
        };
      }),
      notYetApproved: active.length - approved.length,
    });
  },
});
