import { tableToCsv } from './csv';
import type { ReportDocument, Table } from './document';

export interface RenderedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
  description: string;
}

export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv',
} as const;

function csvTables(doc: ReportDocument): Table[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' && b.table.csvName ? [b.table] : []));
}

/**
 * Every file of one report: Word to edit and brand, PDF to publish, and a CSV for each of its
 * tables that people will want to sort and filter.
 */
export async function renderReportFiles(
  doc: ReportDocument,
  createdAt: Date,
): Promise<RenderedFile[]> {
  // The Word, PDF and chart libraries load with the first report, not with the bot.
  const [{ renderDocx }, { renderPdf }] = await Promise.all([import('./docx'), import('./pdf')]);
  const [docx, pdf] = await Promise.all([renderDocx(doc), renderPdf(doc, createdAt)]);
  return [
    {
      name: `${doc.fileStem}.docx`,
      contentType: CONTENT_TYPES.docx,
      bytes: docx,
      description: `${doc.title} (Word, to edit)`,
    },
    {
      name: `${doc.fileStem}.pdf`,
      contentType: CONTENT_TYPES.pdf,
      bytes: pdf,
      description: `${doc.title} (PDF, to publish)`,
    },
    ...csvTables(doc).map((t) => ({
      name: `${doc.fileStem}-${t.csvName ?? 'table'}.csv`,
      contentType: CONTENT_TYPES.csv,
      bytes: tableToCsv(t),
      description: `${t.title} (CSV)`,
    })),
  ];
}
