import type { Table } from './document';

/**
 * Tables as RFC 4180 CSV. Written here rather than with csv-stringify, which is only a
 * dependency of restify's, not of this project; the rules are few and the tests read the files
 * back with the standards import's own RFC 4180 reader.
 */

/**
 * A cell a spreadsheet would run as a formula (= + - @, and tab or carriage return which some
 * treat the same) is written with a leading apostrophe: a tenant's finding must never become a
 * live formula in an officer's Excel (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CRLF between records, as RFC 4180 says; a UTF-8 byte order mark so Excel reads £ and ’. */
export function tableToCsv(table: Pick<Table, 'columns' | 'rows'>): Buffer {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
