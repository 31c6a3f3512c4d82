import type { CardMessage, Reply } from '../dispatch/reply';
import { boundList, clipText } from '../dispatch/bounded-list';
import type { OutgoingFile } from '../messaging/outgoing-file';
import type { ReportDocument } from '../../reports/document';
import { renderReportFiles } from '../../reports/render-files';
import type { FeedbackReport } from './inspection-feedback';
import type { PeriodReport } from './period-report';
import type { PlanTracker } from './plan-tracker';
import type { ReviewReport } from './review-report';
import type { YouSaidWeDid } from './you-said-we-did';

/**
 * What the chat shows of a report: its headline figures and a few lines worth reading first,
 * within a card's size (the files hold everything). Bounded so a quarter of 500 checks makes
 * the same size of card as a quarter of five.
 */
export interface ReportSummary {
  figures: Array<{ label: string; value: string }>;
  highlights: string[];
}

const HIGHLIGHTS_SHOWN = 6;
const TEXT = 300;

function bounded(lines: readonly string[]): string[] {
  const shown = boundList(lines, { size: HIGHLIGHTS_SHOWN });
  return [
    ...shown.items.map((l) => clipText(l, TEXT)),
    ...(shown.more > 0 ? [`and ${shown.more} more, in the files`] : []),
  ];
}

export function feedbackSummary(r: FeedbackReport): ReportSummary {
  const count = (list: 'strengths' | 'weaknesses' | 'recommendations') =>
    r.inspectors.reduce((n, i) => n + i[list].length, 0);
  return {
    figures: [
      { label: 'Inspectors (approved findings)', value: String(r.inspectors.length) },
      {
        label: 'Findings',
        value: `${count('strengths')} strengths, ${count('weaknesses')} weaknesses, ${count('recommendations')} recommendations`,
      },
      ...(r.notYetApproved > 0
        ? [{ label: 'Not yet approved, left out', value: String(r.notYetApproved) }]
        : []),
    ],
    highlights: bounded(r.offers.map((o) => `${o.key}: ${o.verdict}`)),
  };
}

export function reviewSummary(r: ReviewReport): ReportSummary {
  return {
    figures: [
      { label: 'Stage', value: r.stage },
      {
        label: 'Evidence',
        value: `${r.evidenceReceived.length} received, ${r.evidenceMissing.length} missing`,
      },
      {
        label: 'Meetings held',
        value: `${r.meetings.length}${r.meetingsMinimum !== undefined ? ` of at least ${r.meetingsMinimum}` : ''}`,
      },
      { label: 'Recommendations', value: String(r.recommendations.length) },
      { label: 'Improvement plan', value: `${r.planState}; ${r.actions.length} actions` },
    ],
    highlights: bounded(r.evidenceMissing.map((e) => `Still missing: ${e.ref}, ${e.what}`)),
  };
}

export function periodSummary(r: PeriodReport): ReportSummary {
  const done = r.checks.filter((c) => c.state === 'done').length;
  const offers = (pred: (o: PeriodReport['offers'][number]) => boolean) =>
    r.offers.filter(pred).length;
  return {
    figures: [
      {
        label: 'Reality checks',
        value: `${r.checks.length} due: ${done} done, ${r.checks.length - done} outstanding`,
      },
      {
        label: 'Local offers',
        value: `${r.offers.length}: ${offers((o) => o.verification === 'verified')} verified, ${offers((o) => o.targetState === 'below target')} below target, ${offers((o) => o.verification === 'not yet verified' || o.verification === 'being verified')} not yet verified`,
      },
      { label: 'Reviews', value: String(r.reviews.length) },
      { label: 'Deadlines missed', value: String(r.deadlinesMissed.length) },
    ],
    highlights: bounded([
      ...r.offers
        .filter((o) => o.targetState === 'below target')
        .map((o) => `Below target: ${o.key} (${o.latest} against ${o.target})`),
      ...r.offers
        .filter((o) => o.verification === 'not verified')
        .map((o) => `Not verified by inspectors: ${o.key}`),
    ]),
  };
}

export function youSaidSummary(y: YouSaidWeDid): ReportSummary {
  return {
    figures: [{ label: 'Recommendations agreed', value: String(y.items.length) }],
    highlights: bounded(y.items.map((i) => `You said: ${i.youSaid}`)),
  };
}

export function planSummary(p: PlanTracker): ReportSummary {
  const count = (s: 'overdue' | 'open' | 'done') => p.actions.filter((a) => a.state === s).length;
  return {
    figures: [
      { label: 'Plan', value: p.planState },
      {
        label: 'Actions',
        value: `${p.actions.length}: ${count('overdue')} overdue, ${count('open')} open, ${count('done')} done`,
      },
    ],
    highlights: bounded(
      p.actions
        .filter((a) => a.state === 'overdue')
        .map((a) => `Overdue: ${a.id} ${a.action} (${a.owner}, due ${a.dueOn})`),
    ),
  };
}

export function reportSummaryCard(
  doc: ReportDocument,
  summary: ReportSummary,
  files: readonly OutgoingFile[],
): CardMessage {
  return {
    name: 'report-summary',
    viewModel: {
      title: clipText(doc.title, 200),
      subtitle: clipText(doc.subtitle, 400),
      figures: summary.figures.map((f) => ({ label: f.label, value: clipText(f.value, TEXT) })),
      highlights: summary.highlights,
      filesText: clipText(`Files: ${files.map((f) => f.name).join(', ')}.`, 1500),
    },
  };
}

/**
 * The report in chat: the summary card, and the files for the person who asked alone (the
 * channel delivers them: Teams' file consent card in their personal chat, Slack's upload).
 */
export async function reportReply(
  doc: ReportDocument,
  summary: ReportSummary,
  createdAt: Date,
): Promise<Reply> {
  const files: OutgoingFile[] = await renderReportFiles(doc, createdAt);
  return {
    kind: 'message',
    text: `${doc.title}: ${files.length} files.`,
    card: reportSummaryCard(doc, summary, files),
    files,
  };
}
