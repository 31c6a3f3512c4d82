import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { moreRowsLine, shownRows, type Block, type ReportDocument, type Table } from './document';

/** The widest a chart is drawn on an A4 page inside Word's default margins, in pixels at 96 dpi. */
const PAGE_WIDTH_PX = 600;

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

function table(t: Table): Array<Paragraph | DocxTable> {
  const { rows, more } = shownRows(t);
  const out: Array<Paragraph | DocxTable> = [
    new Paragraph({ text: t.title, heading: HeadingLevel.HEADING_3 }),
  ];
  if (rows.length === 0) {
    out.push(new Paragraph({ text: more > 0 ? moreRowsLine(t, 0, more) : 'None.' }));
    return out;
  }
  out.push(
    new DocxTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        // Repeated on every page, so a long table stays readable when printed.
        new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true)) }),
        ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
      ],
    }),
  );
  if (more > 0) out.push(new Paragraph({ text: moreRowsLine(t, rows.length, more) }));
  return out;
}

function block(b: Block): Array<Paragraph | DocxTable> {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          text: b.text,
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ text: b.text })];
    case 'bullets':
      return b.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'table':
      return table(b.table);
    case 'chart': {
      const scale = Math.min(1, PAGE_WIDTH_PX / b.chart.width);
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: b.chart.png,
              transformation: {
                width: Math.round(b.chart.width * scale),
                height: Math.round(b.chart.height * scale),
              },
              altText: { name: 'chart', title: 'Chart', description: b.chart.alt },
            }),
          ],
        }),
      ];
    }
  }
}

/** The report as a Word document landlords can edit and brand. */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const word = new Document({
    title: doc.title,
    description: doc.subtitle,
    creator: 'Scrutiny bot',
    sections: [
      {
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
          ...doc.blocks.flatMap(block),
        ],
      },
    ],
  });
  return Packer.toBuffer(word);
}
