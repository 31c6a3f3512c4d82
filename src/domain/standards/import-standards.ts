import type { z } from 'zod';
import type { Refusal, Result } from '../shared/result';
import { ok } from '../shared/result';
import { readCsv } from './csv';
import type { ServiceStandard } from './service-standard';
import { serviceStandardSchema, toServiceStandard } from './service-standard';

/**
 * Officers keep local offers in spreadsheets, so standards are imported from CSV (or JSON from
 * other systems). An import reports every bad row with its number, not just the first, so an
 * officer can fix the sheet in one pass; nothing is imported unless every row is good.
 */

/** A refusal about one row (CSV: the spreadsheet row, header = row 1; JSON: the item, from 1). */
export interface RowRefusal extends Refusal {
  row: number;
  field?: string;
}

export const STANDARD_CSV_COLUMNS = [
  'key',
  'serviceArea',
  'promise',
  'measure',
  'targetValue',
  'targetUnit',
  'targetDirection',
  'latestValue',
  'latestUnit',
  'latestPeriod',
  'plannedMonth',
  'verificationDone',
  'verificationOutcome',
  'notes',
] as const;
type CsvColumn = (typeof STANDARD_CSV_COLUMNS)[number];

/** Where a schema path lands in the spreadsheet, so the message names the column to fix. */
const CSV_COLUMN_FOR_PATH: Record<string, CsvColumn> = {
  key: 'key',
  serviceArea: 'serviceArea',
  promise: 'promise',
  measure: 'measure',
  'target.value': 'targetValue',
  'target.unit': 'targetUnit',
  'target.direction': 'targetDirection',
  'latest.value': 'latestValue',
  'latest.unit': 'latestUnit',
  'latest.period': 'latestPeriod',
  'verification.plannedMonth': 'plannedMonth',
  'verification.done': 'verificationDone',
  'verification.outcome': 'verificationOutcome',
  notes: 'notes',
};

function rowRefusal(code: string, row: number, label: string, message: string, field?: string) {
  const refusal: RowRefusal = {
    code,
    row,
    message: `${label} ${row}${field ? `, ${field}` : ''}: ${message}`,
  };
  if (field !== undefined) refusal.field = field;
  return refusal;
}

function schemaRefusals(
  issues: readonly z.core.$ZodIssue[],
  row: number,
  label: string,
  fieldName: (path: string) => string,
): RowRefusal[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return rowRefusal(
      'standards.row-invalid',
      row,
      label,
      issue.message,
      path ? fieldName(path) : undefined,
    );
  });
}

function duplicateKeyRefusals(
  keys: ReadonlyArray<{ key: string; row: number }>,
  label: string,
): RowRefusal[] {
  const firstRow = new Map<string, number>();
  const refusals: RowRefusal[] = [];
  for (const { key, row } of keys) {
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row);
    else
      refusals.push(
        rowRefusal(
          'standards.duplicate-key',
          row,
          label,
          `the key "${key}" is already used by ${label.toLowerCase()} ${first}`,
          'key',
        ),
      );
  }
  return refusals;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function parseCsvNumber(raw: string, row: number, field: CsvColumn, errors: RowRefusal[]) {
  const trimmed = raw.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  errors.push(
    rowRefusal(
      'standards.row-invalid',
      row,
      'Row',
      `must be a plain number such as 95 or 59.82, not "${raw}"`,
      field,
    ),
  );
  return undefined;
}

function parseCsvYesNo(raw: string, row: number, errors: RowRefusal[]): boolean | undefined {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'no' || value === 'false') return false;
  if (value === 'yes' || value === 'true') return true;
  errors.push(
    rowRefusal(
      'standards.row-invalid',
      row,
      'Row',
      `must be yes or no, not "${raw}"`,
      'verificationDone',
    ),
  );
  return undefined;
}

/** Turns one spreadsheet row into the nested shape the schema checks. */
function csvRowToCandidate(cells: Record<CsvColumn, string>, row: number, errors: RowRefusal[]) {
  const blank = (column: CsvColumn) => cells[column].trim() === '';
  const optionalText = (column: CsvColumn) => (blank(column) ? undefined : cells[column]);

  const hasTarget = !blank('targetValue') || !blank('targetUnit') || !blank('targetDirection');
  const hasLatest = !blank('latestValue') || !blank('latestPeriod') || !blank('latestUnit');
  return {
    key: cells.key.trim(),
    serviceArea: cells.serviceArea,
    promise: cells.promise,
    measure: cells.measure,
    target: hasTarget
      ? {
          value: parseCsvNumber(cells.targetValue, row, 'targetValue', errors),
          unit: cells.targetUnit.trim(),
          direction: cells.targetDirection.trim(),
        }
      : undefined,
    latest: hasLatest
      ? {
          value: parseCsvNumber(cells.latestValue, row, 'latestValue', errors),
          period: cells.latestPeriod,
          unit: optionalText('latestUnit')?.trim(),
        }
      : undefined,
    verification: {
      plannedMonth: optionalText('plannedMonth')?.trim(),
      done: parseCsvYesNo(cells.verificationDone, row, errors),
      outcome: optionalText('verificationOutcome'),
    },
    notes: optionalText('notes'),
  };
}

/** Reads standards from CSV with a header row naming the columns in STANDARD_CSV_COLUMNS. */
export function importStandardsFromCsv(text: string): Result<ServiceStandard[]> {
  const read = readCsv(text);
  if (!read.ok) {
    return {
      ok: false,
      refusals: [
        {
          code: 'standards.csv-malformed',
          message: `The file is not valid CSV: ${read.error.message} (line ${read.error.line}).`,
        },
      ],
    };
  }
  const [header, ...records] = read.records;
  if (header === undefined) {
    return {
      ok: false,
      refusals: [{ code: 'standards.csv-empty', message: 'The file is empty.' }],
    };
  }
  const headings = header.fields.map((h) => h.trim());
  const missing = STANDARD_CSV_COLUMNS.filter((c) => !headings.includes(c));
  const unknown = headings.filter((h) => !(STANDARD_CSV_COLUMNS as readonly string[]).includes(h));
  const headerRefusals: Refusal[] = [];
  if (missing.length > 0)
    headerRefusals.push({
      code: 'standards.csv-missing-column',
      message: `The header row is missing these columns: ${missing.join(', ')}.`,
    });
  if (unknown.length > 0)
    headerRefusals.push({
      code: 'standards.csv-unknown-column',
      message: `The header row has columns this import does not know: ${unknown.join(', ')}.`,
    });
  if (headerRefusals.length > 0) return { ok: false, refusals: headerRefusals };

  const refusals: RowRefusal[] = [];
  const standards: ServiceStandard[] = [];
  const keys: Array<{ key: string; row: number }> = [];
  records.forEach((record, index) => {
    const row = index + 2; // the header is row 1, as in a spreadsheet
    if (record.fields.length !== headings.length) {
      refusals.push(
        rowRefusal(
          'standards.row-wrong-length',
          row,
          'Row',
          `has ${record.fields.length} fields but the header has ${headings.length} (starts on line ${record.line})`,
        ),
      );
      return;
    }
    const cells = Object.fromEntries(headings.map((h, i) => [h, record.fields[i] ?? ''])) as Record<
      CsvColumn,
      string
    >;
    const cellErrors: RowRefusal[] = [];
    const candidate = csvRowToCandidate(cells, row, cellErrors);
    const parsed = serviceStandardSchema.safeParse(candidate);
    // A cell that is not a number is reported once, by the cell check, not again by the schema.
    const reported = new Set(cellErrors.map((e) => e.field));
    refusals.push(...cellErrors);
    if (parsed.success) {
      standards.push(toServiceStandard(parsed.data));
      keys.push({ key: parsed.data.key, row });
    } else {
      refusals.push(
        ...schemaRefusals(
          parsed.error.issues,
          row,
          'Row',
          (path) => CSV_COLUMN_FOR_PATH[path] ?? path,
        ).filter((r) => !reported.has(r.field)),
      );
    }
  });
  refusals.push(...duplicateKeyRefusals(keys, 'Row'));
  if (refusals.length > 0) return { ok: false, refusals: refusals.sort((a, b) => a.row - b.row) };
  return ok(standards);
}

/** JSON has no undefined, so null stands for "no target" / "no latest figure". */
function nullsToUndefined(item: unknown): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
  return Object.fromEntries(
    Object.entries(item).map(([k, v]) => [k, v === null ? undefined : nullsToUndefined(v)]),
  );
}

/** Reads standards from a JSON array (text or already parsed) of ServiceStandard objects. */
export function importStandardsFromJson(input: unknown): Result<ServiceStandard[]> {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      return {
        ok: false,
        refusals: [
          {
            code: 'standards.json-malformed',
            message: `The file is not valid JSON: ${(error as Error).message}.`,
          },
        ],
      };
    }
  }
  if (!Array.isArray(data)) {
    return {
      ok: false,
      refusals: [
        {
          code: 'standards.json-not-a-list',
          message: 'The file must hold a list of standards, written [ {...}, {...} ].',
        },
      ],
    };
  }
  const refusals: RowRefusal[] = [];
  const standards: ServiceStandard[] = [];
  const keys: Array<{ key: string; row: number }> = [];
  data.forEach((item, index) => {
    const row = index + 1;
    const parsed = serviceStandardSchema.safeParse(nullsToUndefined(item));
    if (parsed.success) {
      standards.push(toServiceStandard(parsed.data));
      keys.push({ key: parsed.data.key, row });
    } else {
      refusals.push(...schemaRefusals(parsed.error.issues, row, 'Item', (path) => path));
    }
  });
  refusals.push(...duplicateKeyRefusals(keys, 'Item'));
  if (refusals.length > 0) return { ok: false, refusals: refusals.sort((a, b) => a.row - b.row) };
  return ok(standards);
}
