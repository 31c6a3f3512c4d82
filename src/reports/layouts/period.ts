import type { PeriodReport } from '../../app/reports/period-report';
import { offersAgainstTargetChart, TARGET_STATES, type AreaOffers } from '../chart';
import type { Block, ReportDocument } from '../document';

/** Long lists stop here in the document; the CSV has every row. */
const ROWS_SHOWN = 40;

/** The quarterly report's sections; the annual report has the same over its year. */
export async function periodDocument(
  r: PeriodReport,
  kind: 'quarterly' | 'annual',
): Promise<ReportDocument> {
  const done = r.checks.filter((c) => c.state === 'done').length;
  const outstanding = r.checks.length - done;
  const count = (pred: (o: PeriodReport['offers'][number]) => boolean) =>
    r.offers.filter(pred).length;
  const areaOffers: AreaOffers[] = [];
  for (const area of [...new Set(r.offers.map((o) => o.serviceArea))])
    for (const state of TARGET_STATES) {
      const n = count((o) => o.serviceArea === area && o.targetState === state);
      if (n > 0) areaOffers.push({ serviceArea: area, state, count: n });
    }
  const blocks: Block[] = [
    { kind: 'heading', text: 'Summary', level: 1 },
    {
      kind: 'bullets',
      items: [
        `Reality checks due: ${r.checks.length}; done ${done}, outstanding ${outstanding}.`,
        `Local offers: ${r.offers.length}; verified ${count((o) => o.verification === 'verified')}, below target ${count((o) => o.targetState === 'below target')}, not yet verified ${count((o) => o.verification === 'not yet verified' || o.verification === 'being verified')}.`,
        `Reviews: ${r.reviews.length}.`,
        `Deadlines missed: ${r.deadlinesMissed.length}.`,
      ],
    },
    { kind: 'heading', text: 'Reality checks', level: 1 },
    {
      kind: 'table',
      table: {
        title: `Checks due ${r.period.label}, outstanding first`,
        csvName: 'checks',
        columns: ['Check', 'Kind', 'Service area', 'Due', 'State', 'Inspectors'],
        rows: [...r.checks]
          .sort((a, b) => (a.state === b.state ? 0 : a.state === 'outstanding' ? -1 : 1))
          .map((c) => [c.ref, c.kind, c.serviceArea, c.dueOn, c.state, c.progress]),
        shownRows: ROWS_SHOWN,
      },
    },
    { kind: 'heading', text: 'Findings by service area', level: 1 },
    {
      kind: 'table',
      table: {
        title: 'Approved findings of the checks due in the period',
        csvName: 'findings-by-area',
        columns: [
          'Service area',
          'Checks',
          'Approved findings',
          'Strengths',
          'Weaknesses',
          'Recommendations',
        ],
        rows: r.findingsByArea.map((a) => [
          a.serviceArea,
          String(a.checks),
          String(a.approvedFindings),
          String(a.strengths),
          String(a.weaknesses),
          String(a.recommendations),
        ]),
      },
    },
    { kind: 'heading', text: 'Local offers', level: 1 },
  ];
  if (areaOffers.length > 0)
    blocks.push({
      kind: 'chart',
      chart: await offersAgainstTargetChart(
        areaOffers,
        'Local offers against target, by service area',
      ),
    });
  blocks.push(
    {
      kind: 'table',
      table: {
        title: 'Each offer: target, latest figure and verification',
        csvName: 'offers',
        columns: [
          'Service area',
          'Offer',
          'Target',
          'Latest',
          'Against target',
          'Verification',
          'How',
        ],
        rows: r.offers.map((o) => [
          o.serviceArea,
          o.key,
          o.target,
          o.latest,
          o.targetState,
          o.verification,
          o.verificationDetail,
        ]),
        shownRows: ROWS_SHOWN,
      },
    },
    { kind: 'heading', text: 'Reviews', level: 1 },
    {
      kind: 'table',
      table: {
        title: 'Reviews and their stage',
        csvName: 'reviews',
        columns: ['Review', 'Topic', 'Group', 'Stage', 'Recommendations', 'Improvement plan'],
        rows: r.reviews.map((v) => [v.ref, v.title, v.group, v.stage, v.recommendations, v.plan]),
      },
    },
    {
      kind: 'table',
      table: {
        title: 'Recommendations and actions, with their status',
        csvName: 'recommendations-and-actions',
        columns: ['Review', 'Item', 'Text', 'Status'],
        rows: r.recommendationsAndActions.map((x) => [x.review, x.item, x.text, x.status]),
        shownRows: ROWS_SHOWN,
      },
    },
    { kind: 'heading', text: 'Deadlines missed', level: 1 },
    {
      kind: 'table',
      table: {
        title: `Deadlines due ${r.period.label} and not met on time`,
        csvName: 'deadlines-missed',
        columns: ['What', 'About', 'Due', 'Now'],
        rows: r.deadlinesMissed.map((d) => [d.what, d.about, d.dueOn, d.now]),
        shownRows: ROWS_SHOWN,
      },
    },
  );
  const title =
    kind === 'quarterly' ? `Quarterly report: ${r.period.key}` : `Annual report: ${r.period.key}`;
  return {
    fileStem: `${kind}-report-${r.period.key}`,
    title,
    subtitle: `${r.organisation}. ${r.period.label} (${r.period.from} to ${r.period.to}). Prepared ${r.asOf}.`,
    blocks,
  };
}
