import type { YouSaidWeDid } from '../../app/reports/you-said-we-did';
import type { Block, ReportDocument } from '../document';

/** The publishable list: what tenants recommended and what the landlord did about it. */
export function youSaidDocument(y: YouSaidWeDid): ReportDocument {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `What tenants on ${y.organisation}'s scrutiny panels recommended, and what was done. As of ${y.asOf}.`,
    },
  ];
  if (y.items.length === 0)
    blocks.push({
      kind: 'paragraph',
      text: 'No recommendations have been agreed in this period yet.',
    });
  for (const item of y.items)
    blocks.push(
      { kind: 'heading', text: `You said (${item.topic})`, level: 2 },
      { kind: 'paragraph', text: item.youSaid },
      { kind: 'heading', text: 'We did', level: 2 },
      { kind: 'bullets', items: item.weDid },
    );
  blocks.push({
    kind: 'table',
    table: {
      title: 'You said, we did',
      csvName: 'you-said-we-did',
      columns: ['Review', 'Topic', 'You said', 'We did'],
      rows: y.items.map((i) => [i.review, i.topic, i.youSaid, i.weDid.join(' ')]),
      shownRows: 0,
    },
  });
  return {
    fileStem: `you-said-we-did${y.year ? `-${y.year}` : ''}`,
    title: `You said, we did${y.year ? `: ${y.year}` : ''}`,
    subtitle: y.organisation,
    blocks,
  };
}
