/**
 * A report laid out for reading, free of any file format: each renderer (Word, PDF, CSV) draws
 * the same blocks its own way, so the documents say the same thing whichever one is opened.
 */

export interface Table {
  /** The CSV file's stem, e.g. `offers`: tables without one stay inside the document. */
  csvName?: string;
  title: string;
  columns: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  /** Rows beyond these are left to the CSV, with a line saying how many. */
  shownRows?: number;
}

export interface Chart {
  png: Buffer;
  /** Pixels of the PNG at 1x; the renderers scale it to the page. */
  width: number;
  height: number;
  /** What the chart shows, in words, for screen readers and the PDF's text. */
  alt: string;
}

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: readonly string[] }
  | { kind: 'table'; table: Table }
  | { kind: 'chart'; chart: Chart };

export interface ReportDocument {
  /** The file names' stem, e.g. `C-40-feedback`. */
  fileStem: string;
  title: string;
  subtitle: string;
  blocks: readonly Block[];
}

/** The rows a document shows of a table, and how many it leaves to the CSV. */
export function shownRows(table: Table): { rows: ReadonlyArray<readonly string[]>; more: number } {
  const limit = table.shownRows ?? table.rows.length;
  return { rows: table.rows.slice(0, limit), more: Math.max(0, table.rows.length - limit) };
}

/** What a document says of the rows it leaves to the CSV. */
export function moreRowsLine(table: Table, shown: number, more: number): string {
  const file = `the ${table.csvName ?? 'table'} CSV file`;
  if (shown === 0) return `${more} ${more === 1 ? 'row' : 'rows'}, in ${file}.`;
  return `and ${more} more ${more === 1 ? 'row' : 'rows'}, all in ${file}.`;
}
