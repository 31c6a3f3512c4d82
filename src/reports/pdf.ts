import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { moreRowsLine, shownRows, type Block, type ReportDocument, type Table } from './document';

/**
 * PDF's built-in Helvetica knows only Windows-1252, so a name with ł or ő would print as
 * nonsense; DejaVu Sans, where the system has it, covers them. Without it Helvetica still prints
 * every English text the bot writes.
 */
const DEJAVU = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};
const FONTS =
  existsSync(DEJAVU.regular) && existsSync(DEJAVU.bold)
    ? DEJAVU
    : { regular: 'Helvetica', bold: 'Helvetica-Bold' };

const SIZES = { title: 20, subtitle: 11, h1: 15, h2: 12.5, h3: 11, body: 10, table: 8.5 };
const MARGIN = 50;

type Pdf = InstanceType<typeof PDFDocument>;

function write(pdf: Pdf, text: string, font: string, size: number, gapAfter = 0.4): void {
  pdf
    .font(font)
    .fontSize(size)
    .text(text, { width: contentWidth(pdf) });
  pdf.moveDown(gapAfter);
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

/** Cells at most this long (dates, states, references) are kept on one line. */
const SHORT_CELL = 16;
const CELL_PADDING = 3;

/**
 * Columns as wide as what they hold: one whose every cell is short (a date, a state, C-40) is
 * given just the width to keep each on one line, and the columns of sentences share the rest
 * by how long their texts run, so no date or header word breaks in the middle.
 */
function columnWidths(
  pdf: Pdf,
  t: Table,
  rows: ReadonlyArray<readonly string[]>,
  width: number,
): number[] {
  const cells = (i: number) => rows.map((r) => r[i] ?? '');
  const words = (text: string) => text.split(/\s+/);
  const fits = (text: string, font: string) =>
    pdf.font(font).fontSize(SIZES.table).widthOfString(text) + CELL_PADDING * 2 + 2;
  const fixed = t.columns.map((header, i) =>
    cells(i).every((c) => c.length <= SHORT_CELL)
      ? Math.max(
          ...words(header).map((w) => fits(w, FONTS.bold)),
          ...cells(i).map((c) => fits(c, FONTS.regular)),
        )
      : undefined,
  );
  // Every column at least as wide as its longest word (up to 20 letters), so none breaks.
  const least = t.columns.map((header, i) =>
    Math.max(
      ...words(header).map((w) => fits(w, FONTS.bold)),
      ...cells(i).flatMap((c) => words(c).map((w) => fits(w.slice(0, 20), FONTS.regular))),
    ),
  );
  const base = t.columns.map((_, i) => fixed[i] ?? least[i] ?? 0);
  const spare = width - base.reduce((a, b) => a + b, 0);
  const weights = t.columns.map((_, i) =>
    fixed[i] === undefined ? Math.min(60, Math.max(...cells(i).map((c) => c.length))) : 0,
  );
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  if (spare < 0) return base.map((w) => (w / (width - spare)) * width);
  if (totalWeight === 0) return base.map((w) => w + spare / base.length);
  return base.map((w, i) => w + ((weights[i] ?? 0) / totalWeight) * spare);
}

function table(pdf: Pdf, t: Table): void {
  write(pdf, t.title, FONTS.bold, SIZES.h3, 0.3);
  const { rows, more } = shownRows(t);
  if (rows.length === 0) {
    write(pdf, more > 0 ? moreRowsLine(t, 0, more) : 'None.', FONTS.regular, SIZES.body);
    return;
  }
  pdf.x = pdf.page.margins.left;
  pdf.font(FONTS.regular).fontSize(SIZES.table);
  pdf.table({
    maxWidth: contentWidth(pdf),
    columnStyles: columnWidths(pdf, t, rows, contentWidth(pdf)),
    defaultStyle: { padding: CELL_PADDING, border: 0.5, borderColor: '#888888' },
    rowStyles: (i) => (i === 0 ? { backgroundColor: '#e8eef4' } : undefined),
    data: [
      t.columns.map((text) => ({ text, type: 'TH' as const, font: { src: FONTS.bold } })),
      ...rows.map((row) => [...row]),
    ],
  });
  pdf.x = pdf.page.margins.left;
  pdf.moveDown(0.5);
  if (more > 0) write(pdf, moreRowsLine(t, rows.length, more), FONTS.regular, SIZES.body);
}

function block(pdf: Pdf, b: Block): void {
  switch (b.kind) {
    case 'heading':
      pdf.moveDown(0.4);
      write(pdf, b.text, FONTS.bold, b.level === 1 ? SIZES.h1 : SIZES.h2, 0.3);
      return;
    case 'paragraph':
      write(pdf, b.text, FONTS.regular, SIZES.body);
      return;
    case 'bullets':
      pdf.font(FONTS.regular).fontSize(SIZES.body);
      pdf.list([...b.items], { width: contentWidth(pdf), bulletRadius: 1.5, textIndent: 10 });
      pdf.moveDown(0.4);
      return;
    case 'table':
      table(pdf, b.table);
      return;
    case 'chart': {
      const width = Math.min(contentWidth(pdf), b.chart.width);
      const height = (b.chart.height * width) / b.chart.width;
      if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
      pdf.image(b.chart.png, pdf.page.margins.left, pdf.y, { width, height });
      pdf.y += height;
      pdf.moveDown(0.3);
      write(pdf, b.chart.alt, FONTS.regular, SIZES.table);
      return;
    }
  }
}

/** The report as a PDF for publishing; A4, as UK landlords print. */
export function renderPdf(doc: ReportDocument, createdAt: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: doc.title,
      Subject: doc.subtitle,
      Creator: 'Scrutiny bot',
      CreationDate: createdAt,
    },
    bufferPages: false,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  write(pdf, doc.title, FONTS.bold, SIZES.title, 0.2);
  write(pdf, doc.subtitle, FONTS.regular, SIZES.subtitle, 0.8);
  for (const b of doc.blocks) block(pdf, b);
  pdf.end();
  return done;
}
