import type { PlanTracker } from '../../app/reports/plan-tracker';
import type { ReportDocument } from '../document';

const STATE = { overdue: 'Overdue', open: 'Open', done: 'Done' } as const;

/** Every action of the plan, overdue first, with its lead and date. */
export function planDocument(p: PlanTracker): ReportDocument {
  const count = (s: keyof typeof STATE) => p.actions.filter((a) => a.state === s).length;
  return {
    fileStem: `${p.ref}-improvement-plan`,
    title: `Improvement plan tracker: ${p.ref}`,
    subtitle: `${p.title}. As of ${p.asOf}.`,
    blocks: [
      {
        kind: 'paragraph',
        text: `The plan is ${p.planState}. ${p.actions.length} actions: ${count('overdue')} overdue, ${count('open')} open, ${count('done')} done.`,
      },
      {
        kind: 'table',
        table: {
          title: 'Actions, overdue first',
          csvName: 'actions',
          columns: ['Action', 'Recommendation', 'What will be done', 'Lead', 'Due', 'Status'],
          rows: p.actions.map((a) => [
            a.id,
            `${a.recommendation}. ${a.recommendationText}`,
            a.action,
            a.owner,
            a.dueOn,
            a.state === 'done' && a.doneOn ? `Done ${a.doneOn}` : STATE[a.state],
          ]),
        },
      },
    ],
  };
}
