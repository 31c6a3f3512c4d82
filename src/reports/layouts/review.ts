import type { ReviewReport } from '../../app/reports/review-report';
import type { Block, ReportDocument } from '../document';

const STATE = { overdue: 'Overdue', open: 'Open', done: 'Done' } as const;

/** Sedgemoor's evidence-based report, draft (4.3(5)) or final (4.3(8)), with the plan (5.2). */
export function reviewDocument(r: ReviewReport): ReportDocument {
  const blocks: Block[] = [
    {
      kind: 'table',
      table: {
        title: 'The review',
        columns: ['Item', 'Detail'],
        rows: [
          ['Review', `${r.ref}: ${r.title}`],
          ['Group', r.groupName],
          ['Depth', r.depth],
          ['Why this topic', r.topicSource.replace(/-/g, ' ')],
          ['Opened', r.openedOn],
          ['Where it stands', r.stage],
        ],
      },
    },
    { kind: 'heading', text: 'Scope', level: 1 },
    { kind: 'paragraph', text: r.scope },
    { kind: 'heading', text: 'Evidence', level: 1 },
    {
      kind: 'table',
      table: {
        title: `Information received (${r.evidenceReceived.length})`,
        columns: ['Request', 'What was asked', 'Asked', 'Links'],
        rows: r.evidenceReceived.map((e) => [e.ref, e.what, e.askedOn, e.links.join(' ')]),
      },
    },
    {
      kind: 'table',
      table: {
        title: `Information still missing (${r.evidenceMissing.length})`,
        columns: ['Request', 'What was asked', 'Due', 'State'],
        rows: r.evidenceMissing.map((e) => [e.ref, e.what, e.dueOn, e.state]),
      },
    },
    {
      kind: 'table',
      table: {
        title: 'Every information request',
        csvName: 'evidence',
        columns: ['Request', 'What was asked', 'Asked', 'Due', 'State', 'Links'],
        rows: [...r.evidenceReceived, ...r.evidenceMissing].map((e) => [
          e.ref,
          e.what,
          e.askedOn,
          e.dueOn,
          e.state,
          e.links.join(' '),
        ]),
        shownRows: 0,
      },
    },
    { kind: 'heading', text: 'Meetings held', level: 1 },
    {
      kind: 'paragraph',
      text: `${r.meetings.length} held${r.meetingsMinimum !== undefined ? `; the terms ask for at least ${r.meetingsMinimum}` : ''}.`,
    },
    {
      kind: 'table',
      table: {
        title: 'Meetings',
        columns: ['Date', 'Attended', 'Notes'],
        rows: r.meetings.map((m) => [m.on, String(m.attendees), m.notes]),
      },
    },
    { kind: 'heading', text: 'Findings', level: 1 },
  ];
  if (r.findings.length === 0)
    blocks.push({
      kind: 'paragraph',
      text: 'No reality checks with approved findings for this review yet.',
    });
  for (const f of r.findings) {
    blocks.push({ kind: 'heading', text: `${f.ref}: ${f.title}`, level: 2 });
    const items = [
      ...f.strengths.map((s) => `Strength: ${s}`),
      ...f.weaknesses.map((s) => `Weakness: ${s}`),
      ...f.recommendations.map((s) => `Recommendation: ${s}`),
      ...f.offers.map((s) => `Local offer ${s}`),
    ];
    blocks.push(
      items.length > 0
        ? { kind: 'bullets', items }
        : { kind: 'paragraph', text: 'No findings approved on this check yet.' },
    );
  }
  blocks.push(
    { kind: 'heading', text: 'Recommendations and management’s response', level: 1 },
    {
      kind: 'paragraph',
      text: r.managementResponseOn
        ? `Management responded on ${r.managementResponseOn}.`
        : 'No management response is recorded yet.',
    },
    {
      kind: 'table',
      table: {
        title: 'Recommendations',
        csvName: 'recommendations',
        columns: ['No.', 'Recommendation', 'Committee', 'Management', 'Management’s reason'],
        rows: r.recommendations.map((x) => [
          x.number,
          x.text,
          x.committee,
          x.management,
          x.managementReason ?? '',
        ]),
      },
    },
    { kind: 'heading', text: 'Improvement plan', level: 1 },
    { kind: 'paragraph', text: `The plan is ${r.planState}.` },
    {
      kind: 'table',
      table: {
        title: 'Actions, overdue first',
        csvName: 'actions',
        columns: ['Action', 'Rec.', 'What will be done', 'Lead', 'Due', 'Status'],
        rows: r.actions.map((a) => [
          a.id,
          a.recommendation,
          a.action,
          a.owner,
          a.dueOn,
          a.state === 'done' && a.doneOn ? `Done ${a.doneOn}` : STATE[a.state],
        ]),
      },
    },
    {
      kind: 'table',
      table: {
        title: 'The steps',
        columns: ['Step', 'What', 'State'],
        rows: r.steps.map((s) => [String(s.number), s.name, s.state]),
      },
    },
  );
  const version = r.version === 'draft' ? 'Draft' : 'Final';
  return {
    fileStem: `${r.ref}-review-report-${r.version}`,
    title: `${version} review report: ${r.ref}`,
    subtitle: `${r.title}. ${r.groupName}. As of ${r.asOf}.`,
    blocks,
  };
}
