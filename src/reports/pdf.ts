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
const FONTS = existsSync(DEJAVU.regular) && existsSync(DEJAVU.bold)
  ? DEJAVU
  : { regular: 'Helvetica', bold: 'Helvetica-Bold' };

const SIZES = { title: 20, subtitle: 11, h1: 15, h2: 12.5, h3: 11, body: 10, table: 8.5 };
const MARGIN = 50;

type Pdf = InstanceType<typeof PDFDocument>;

function write(pdf: Pdf, text: string, font: string, size: number, gapAfter = 0.4): void {
  pdf.font(font).fontSize(size).text(text, { width: contentWidth(pdf) });
  pdf.moveDown(gapAfter);
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
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
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#888888' },
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
    info: { Title: doc.title, Subject: doc.subtitle, Creator: 'Scrutiny bot', CreationDate: createdAt },
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
