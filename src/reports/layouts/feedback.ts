import type { FeedbackReport } from '../../app/reports/inspection-feedback';
import type { Block, ReportDocument } from '../document';

/** Torus's feedback report: strengths, weaknesses and areas for improvement, per inspector. */
export function feedbackDocument(r: FeedbackReport): ReportDocument {
  const blocks: Block[] = [
    { kind: 'heading', text: 'What was inspected', level: 1 },
    {
      kind: 'table',
      table: {
        title: 'The check',
        columns: ['Item', 'Detail'],
        rows: [
          ['Check', `${r.ref}: ${r.title}`],
          ['Kind', r.kind],
          ['Group', r.groupName],
          ...(r.area ? [['Where', r.area]] : []),
          ['Due', r.dueOn],
          ['Inspectors whose findings are approved', String(r.inspectors.length)],
          ...(r.notYetApproved > 0
            ? [
                [
                  'Inspectors whose findings are not yet approved (not in this report)',
                  String(r.notYetApproved),
                ],
              ]
            : []),
        ],
      },
    },
    {
      kind: 'paragraph',
      text: r.blinded
        ? 'Blinded as the group’s confidentiality terms require: inspectors are numbered, and names, addresses, postcodes, emails and phone numbers are removed.'
        : 'The group’s terms do not ask for findings to be blinded: inspectors are named.',
    },
  ];
  if (r.offers.length > 0)
    blocks.push(
      { kind: 'heading', text: 'Local offers verified', level: 1 },
      {
        kind: 'table',
        table: {
          title:
            'Each offer’s verdict from the approved findings (the most cautious where inspectors differ)',
          csvName: 'offers',
          columns: ['Offer', 'Service area', 'Promise', 'Verdict'],
          rows: r.offers.map((o) => [o.key, o.serviceArea, o.promise, o.verdict]),
        },
      },
    );
  const rows: string[][] = [];
  for (const inspector of r.inspectors) {
    blocks.push(
      { kind: 'heading', text: inspector.who, level: 1 },
      {
        kind: 'paragraph',
        text: `Findings sent ${inspector.submittedOn}, approved by an officer ${inspector.approvedOn}.`,
      },
    );
    const list = (title: string, items: readonly string[], kind: string) => {
      if (items.length === 0) return;
      blocks.push({ kind: 'heading', text: title, level: 2 }, { kind: 'bullets', items });
      for (const item of items) rows.push([inspector.who, kind, item]);
    };
    list('Strengths', inspector.strengths, 'strength');
    list('Weaknesses', inspector.weaknesses, 'weakness');
    list('Areas for improvement (recommendations)', inspector.recommendations, 'recommendation');
    if (inspector.offers.length > 0) {
      blocks.push(
        { kind: 'heading', text: 'How the offers were tested', level: 2 },
        {
          kind: 'bullets',
          items: inspector.offers.map((o) => `${o.key}: ${o.verdict}. ${o.evidence}`),
        },
      );
      for (const o of inspector.offers)
        rows.push([inspector.who, `offer ${o.key}: ${o.verdict}`, o.evidence]);
    }
    blocks.push({
      kind: 'table',
      table: {
        title: 'Checklist answers',
        columns: ['Question', 'Answer'],
        rows: inspector.answers.map((a) => [a.question, a.answer]),
      },
    });
    const evidence = [
      ...inspector.evidenceLinks,
      ...inspector.files.map((f) => (f.link ? `${f.name}: ${f.link}` : f.name)),
    ];
    if (evidence.length > 0)
      blocks.push(
        { kind: 'heading', text: 'Photos and evidence', level: 2 },
        { kind: 'bullets', items: evidence },
      );
  }
  blocks.push({
    kind: 'table',
    table: {
      title: 'Every finding, one a row',
      csvName: 'findings',
      columns: ['Inspector', 'Kind', 'Finding'],
      rows,
      shownRows: 0,
    },
  });
  return {
    fileStem: `${r.ref}-feedback-report`,
    title: `Inspection feedback report: ${r.ref}`,
    subtitle: `${r.title}. ${r.groupName}.`,
    blocks,
  };
}
