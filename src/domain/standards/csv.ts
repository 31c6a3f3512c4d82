/**
 * A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes (""). CRLF and LF line endings are both accepted because
 * officers export from Excel (CRLF) and edit in other tools (LF). Written here rather than
 * depending on a CSV package so the domain needs only zod and luxon.
 */

export interface CsvRecord {
  /** 1-based line number where the record starts, for error messages officers can find. */
  line: number;
  fields: string[];
}

export type CsvReadResult =
  { ok: true; records: CsvRecord[] } | { ok: false; error: { line: number; message: string } };

export function readCsv(text: string): CsvReadResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text; // Excel's byte-order mark
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteOpenedOn = 0;
  let fieldWasQuoted = false;

  const endField = (): void => {
    fields.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = (): void => {
    const lastWasQuoted = fieldWasQuoted;
    endField();
    // A blank line is not a record (a trailing newline at the end of a file is common),
    // but a line holding just "" is a record with one empty field.
    const blankLine = fields.length === 1 && fields[0] === '' && !lastWasQuoted;
    if (!blankLine) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || fieldWasQuoted) {
        return {
          ok: false,
          error: { line, message: 'a quote appears in the middle of an unquoted field' },
        };
      }
      inQuotes = true;
      fieldWasQuoted = true;
      quoteOpenedOn = line;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' && source[i + 1] === '\n') {
      // handled with the \n that follows
    } else if (ch === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (fieldWasQuoted) {
        return {
          ok: false,
          error: { line, message: 'text follows a closing quote before the next comma' },
        };
      }
      field += ch;
    }
  }
  if (inQuotes) {
    return {
      ok: false,
      error: { line: quoteOpenedOn, message: 'a quoted field is never closed' },
    };
  }
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRecord();
  return { ok: true, records };
}
