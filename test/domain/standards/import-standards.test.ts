import {
  importStandardsFromCsv,
  importStandardsFromJson,
  STANDARD_CSV_COLUMNS,
} from '../../../src/domain/standards/import-standards';
import type { RowRefusal } from '../../../src/domain/standards/import-standards';

const HEADER = STANDARD_CSV_COLUMNS.join(',');

/** Rows below mirror lines of the Torus Liverpool local offers (Quarter 3, February 2021). */
const CALLS =
  'calls-answered,Customer Service,Answer 95% of telephone calls we receive.,Percentage of calls answered,95,percent,at-least,95.5,,2020/21 Q3,,no,,';
const EMAILS =
  'emails-acknowledged-within-4-hours,Customer Service,"During opening hours, we aim to acknowledge emails sent to the Customer Hub within 4 hours.",Time to acknowledge an email,4,hours,at-most,,,,2021-08,no,,"To be verified by tenant inspectors, customer service inspection Aug 2021."';
const LIFTS =
  'lift-inspections,Looking after your home,"Service and maintain passenger lifts, hoists and stairlifts.",Percentage of lift inspections within target,95,percent,at-least,59.82,,2020/21 Q3,,no,,Inspections were postponed and are now in a recovery plan.';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

function refusalsOf(result: ReturnType<typeof importStandardsFromCsv>): RowRefusal[] {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.refusals as RowRefusal[];
}

describe('Importing service standards from CSV', () => {
  it('Torus Liverpool local offers: reads promises whose text holds quoted commas', () => {
    const result = importStandardsFromCsv(csv(CALLS, EMAILS));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual([
      {
        key: 'calls-answered',
        serviceArea: 'Customer Service',
        promise: 'Answer 95% of telephone calls we receive.',
        measure: 'Percentage of calls answered',
        target: { value: 95, unit: 'percent', direction: 'at-least' },
        latest: { value: 95.5, period: '2020/21 Q3', unit: undefined },
        verification: { plannedMonth: undefined, done: false, outcome: undefined },
      },
      {
        key: 'emails-acknowledged-within-4-hours',
        serviceArea: 'Customer Service',
        promise:
          'During opening hours, we aim to acknowledge emails sent to the Customer Hub within 4 hours.',
        measure: 'Time to acknowledge an email',
        target: { value: 4, unit: 'hours', direction: 'at-most' },
        latest: undefined,
        verification: { plannedMonth: '2021-08', done: false, outcome: undefined },
        notes: 'To be verified by tenant inspectors, customer service inspection Aug 2021.',
      },
    ]);
  });

  it('reports every bad row with its spreadsheet row number while the good rows are skipped', () => {
    const badTarget = LIFTS.replace(',95,percent,', ',95%,percent,');
    const badUnitAndMonth = CALLS.replace('calls-answered', 'calls-answered-again')
      .replace(',percent,at-least,', ',percentage,at-least,')
      .replace(',2020/21 Q3,,no,', ',2020/21 Q3,May 2021,no,');
    const refusals = refusalsOf(
      importStandardsFromCsv(csv(CALLS, badTarget, EMAILS, badUnitAndMonth)),
    );
    expect(refusals.map((r) => [r.row, r.field, r.code])).toEqual([
      [3, 'targetValue', 'standards.row-invalid'],
      [5, 'targetUnit', 'standards.row-invalid'],
      [5, 'plannedMonth', 'standards.row-invalid'],
    ]);
    expect(refusals[0]?.message).toBe(
      'Row 3, targetValue: must be a plain number such as 95 or 59.82, not "95%"',
    );
    expect(refusals[2]?.message).toBe(
      'Row 5, plannedMonth: must be a month written YYYY-MM, e.g. 2021-05',
    );
  });

  it('counts rows as a spreadsheet does, even when a quoted field spans lines', () => {
    const multiLine = EMAILS.replace(
      'Time to acknowledge an email',
      '"Time to acknowledge\nan email"',
    );
    const bad = CALLS.replace(',no,,', ',maybe,,');
    const refusals = refusalsOf(importStandardsFromCsv(csv(multiLine, bad)));
    expect(refusals).toEqual([
      {
        code: 'standards.row-invalid',
        row: 3,
        field: 'verificationDone',
        message: 'Row 3, verificationDone: must be yes or no, not "maybe"',
      },
    ]);
  });

  it('refuses a row with the wrong number of fields, saying which line it starts on', () => {
    const refusals = refusalsOf(importStandardsFromCsv(csv(CALLS, 'too,short')));
    expect(refusals).toEqual([
      {
        code: 'standards.row-wrong-length',
        row: 3,
        message: 'Row 3: has 2 fields but the header has 14 (starts on line 3)',
      },
    ]);
  });

  it('refuses a second row with the same key, naming the first', () => {
    const refusals = refusalsOf(importStandardsFromCsv(csv(CALLS, EMAILS, CALLS)));
    expect(refusals).toEqual([
      {
        code: 'standards.duplicate-key',
        row: 4,
        field: 'key',
        message: 'Row 4, key: the key "calls-answered" is already used by row 2',
      },
    ]);
  });

  it('needs a unit on a figure that has no target (Liverpool: "399 ASB cases")', () => {
    const row =
      'asb-cases-open,Safer Estates,Take action on ASB.,ASB cases being worked on,,,,399,,2020/21 Q3,,no,,';
    const refusals = refusalsOf(importStandardsFromCsv(csv(row)));
    expect(refusals.map((r) => [r.row, r.field])).toEqual([[2, 'latestUnit']]);
  });

  it('only records an outcome once the verification is done', () => {
    const row = CALLS.replace(',no,,', ',no,Verified by tenant inspectors,');
    const refusals = refusalsOf(importStandardsFromCsv(csv(row)));
    expect(refusals.map((r) => r.message)).toEqual([
      'Row 2, verificationOutcome: an outcome can only be recorded once the verification is done',
    ]);
  });

  it('lists every missing and unknown column in the header', () => {
    const result = importStandardsFromCsv('key,serviceArea,promise,colour\n');
    expect(!result.ok && result.refusals.map((r) => r.code)).toEqual([
      'standards.csv-missing-column',
      'standards.csv-unknown-column',
    ]);
    expect(!result.ok && result.refusals[1]?.message).toBe(
      'The header row has columns this import does not know: colour.',
    );
  });

  it('refuses malformed CSV and an empty file', () => {
    const malformed = importStandardsFromCsv(`${HEADER}\n"unclosed`);
    expect(!malformed.ok && malformed.refusals).toEqual([
      {
        code: 'standards.csv-malformed',
        message: 'The file is not valid CSV: a quoted field is never closed (line 2).',
      },
    ]);
    const empty = importStandardsFromCsv('');
    expect(!empty.ok && empty.refusals[0]?.code).toBe('standards.csv-empty');
  });
});

describe('Importing service standards from JSON', () => {
  const lifts = {
    key: 'lift-inspections',
    serviceArea: 'Looking after your home',
    promise: 'Aim for 95% of lift inspections within target.',
    measure: 'Percentage of lift inspections completed within target',
    target: { value: 95, unit: 'percent', direction: 'at-least' },
    latest: { value: 59.82, period: '2020/21 Q3' },
    verification: { done: false },
  };

  it('Torus Liverpool local offers: reads lift inspections, with null for "no target"', () => {
    const noTarget = {
      ...lifts,
      key: 'health-and-safety-information',
      target: null,
      latest: null,
      verification: { plannedMonth: '2021-05', done: false },
    };
    const result = importStandardsFromJson(JSON.stringify([lifts, noTarget]));
    expect(result.ok && result.value.map((s) => [s.key, s.target, s.latest])).toEqual([
      ['lift-inspections', lifts.target, { value: 59.82, period: '2020/21 Q3' }],
      ['health-and-safety-information', undefined, undefined],
    ]);
  });

  it('reports every bad item with its number', () => {
    const result = importStandardsFromJson([
      { ...lifts, key: 'Lift Inspections' },
      lifts,
      {
        ...lifts,
        key: 'calls',
        target: { value: 'ninety-five', unit: 'percent', direction: 'up' },
      },
    ]);
    const refusals = result.ok ? [] : (result.refusals as RowRefusal[]);
    expect(refusals.map((r) => [r.row, r.field])).toEqual([
      [1, 'key'],
      [3, 'target.value'],
      [3, 'target.direction'],
    ]);
    expect(refusals[0]?.message).toBe(
      'Item 1, key: must be a lowercase slug such as lift-inspections',
    );
  });

  it('refuses JSON that does not parse, or is not a list', () => {
    const broken = importStandardsFromJson('[{');
    expect(!broken.ok && broken.refusals[0]?.code).toBe('standards.json-malformed');
    const notList = importStandardsFromJson({ standards: [] });
    expect(!notList.ok && notList.refusals[0]?.code).toBe('standards.json-not-a-list');
  });

  it('refuses duplicate keys across items', () => {
    const result = importStandardsFromJson([lifts, lifts]);
    expect(!result.ok && result.refusals.map((r) => r.message)).toEqual([
      'Item 2, key: the key "lift-inspections" is already used by item 1',
    ]);
  });
});
