import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceStandard } from '../../../src/domain/standards';
import {
  compareWithTarget,
  importStandardsFromCsv,
  isScrutinyCandidate,
  listScrutinyCandidates,
} from '../../../src/domain/standards';

// The shipped example is a transcription of the Torus "Local Service Offers, Liverpool,
// Customer Performance Indicators, Quarter 3 (February 2021)" seed document.
const FILE = join(
  __dirname,
  '../../../src/domain/standards/examples/torus-liverpool-local-offers-q3.csv',
);

function liverpool(): ServiceStandard[] {
  const result = importStandardsFromCsv(readFileSync(FILE, 'utf8'));
  if (!result.ok) throw new Error(result.refusals.map((r) => r.message).join('\n'));
  return result.value;
}

function standard(key: string): ServiceStandard {
  const found = liverpool().find((s) => s.key === key);
  if (found === undefined) throw new Error(`no standard ${key}`);
  return found;
}

describe('Torus Liverpool local offers Q3 (shipped example file)', () => {
  it('parses completely: every row imports with no refusals', () => {
    const result = importStandardsFromCsv(readFileSync(FILE, 'utf8'));
    expect(result.ok ? [] : result.refusals).toEqual([]);
    const standards = liverpool();
    expect(standards).toHaveLength(43);
    expect(new Set(standards.map((s) => s.key)).size).toBe(standards.length);
    expect(new Set(standards.map((s) => s.serviceArea))).toEqual(
      new Set([
        'Neighbourhood Management',
        'Safer Estates',
        'Customer Service',
        'Repairs and Maintenance',
        'Looking after your home',
        'Allocations & Lettings',
        'Tenancy Management',
        'Income Management',
        'Tenant Voice',
      ]),
    );
  });

  it('lift inspections at 59.82% against 95% are a scrutiny candidate, 35.18 points short', () => {
    const lifts = standard('lift-inspections');
    expect(lifts.target).toEqual({ value: 95, unit: 'percent', direction: 'at-least' });
    expect(lifts.latest).toMatchObject({ value: 59.82, period: '2020/21 Q3' });
    expect(lifts.notes).toBe('Inspections were postponed and are now in a recovery plan.');
    expect(isScrutinyCandidate(lifts)).toBe(true);
    expect(compareWithTarget(lifts)).toEqual({
      status: 'missed',
      shortfall: 35.18,
      unit: 'percent',
    });
  });

  it('calls answered at 95.5% against 95% are not a scrutiny candidate', () => {
    const calls = standard('calls-answered');
    expect(isScrutinyCandidate(calls)).toBe(false);
    expect(compareWithTarget(calls)).toEqual({ status: 'met', margin: 0.5, unit: 'percent' });
  });

  it('lists lift inspections, electrical tests and gas certificates as candidates, worst first', () => {
    expect(
      listScrutinyCandidates(liverpool()).map((c) => [c.standard.key, c.shortfall, c.unit]),
    ).toEqual([
      ['lift-inspections', 35.18, 'percent'],
      ['electrical-tests', 8.53, 'percent'],
      ['gas-safety-certificates', 0.02, 'percent'],
    ]);
  });

  it('emails are acknowledged within 4 hours, to be verified by a customer service inspection in August 2021', () => {
    const emails = standard('emails-acknowledged-within-4-hours');
    expect(emails.target).toEqual({ value: 4, unit: 'hours', direction: 'at-most' });
    expect(emails.verification).toEqual({ plannedMonth: '2021-08', done: false });
  });

  it('the complaints process was verified by tenant inspectors in December 2020', () => {
    const complaints = standard('formal-complaints-response');
    expect(complaints.target).toEqual({ value: 10, unit: 'working-days', direction: 'at-most' });
    expect(complaints.verification).toEqual({
      plannedMonth: '2020-12',
      done: true,
      outcome: 'Complaints process verified by Tenant Inspectors December 2020.',
    });
    // "100% within target" is a percentage against a 10-working-day promise: not comparable.
    expect(compareWithTarget(complaints)).toEqual({
      status: 'not-comparable',
      targetUnit: 'working-days',
      figureUnit: 'percent',
    });
  });

  it('keeps the repair and ASB timescales: 2 and 24 hours, 20 calendar days, 24 hours, 5 days', () => {
    const targets = Object.fromEntries(liverpool().map((s) => [s.key, s.target]));
    expect(targets['emergency-repairs-response']).toEqual({
      value: 2,
      unit: 'hours',
      direction: 'at-most',
    });
    expect(targets['emergency-repairs-completion']).toEqual({
      value: 24,
      unit: 'hours',
      direction: 'at-most',
    });
    expect(targets['non-emergency-repairs-response']).toEqual({
      value: 20,
      unit: 'calendar-days',
      direction: 'at-most',
    });
    expect(targets['asb-serious-response']).toEqual({
      value: 24,
      unit: 'hours',
      direction: 'at-most',
    });
    expect(targets['asb-general-response']).toEqual({
      value: 5,
      unit: 'days',
      direction: 'at-most',
    });
  });

  it('records every "inspection planned for <month>" note', () => {
    const planned = liverpool()
      .filter((s) => !s.verification.done && s.verification.plannedMonth !== undefined)
      .map((s) => [s.key, s.verification.plannedMonth]);
    expect(planned).toEqual([
      ['neighbourhood-information', '2021-06'],
      ['emails-acknowledged-within-4-hours', '2021-08'],
      ['health-and-safety-information', '2021-05'],
      ['allocations-information', '2021-09'],
      ['tenancy-information', '2021-03'],
      ['mutual-exchange-information', '2021-03'],
      ['rent-payment-information', '2021-03'],
      ['income-officer-advice', '2021-03'],
      ['rent-account-information', '2021-03'],
      ['income-maximisation-information', '2021-03'],
      ['tenant-voice-information', '2021-11'],
    ]);
  });

  it('imports a planned verification for each of the 11 "to be verified by tenant inspectors" lines, in the month the document names', () => {
    // Counted from the seed document (torus-liverpool-local-offers-q3.txt): each phrase below is
    // quoted from it, spelling and all; the month it names is the one the standard must carry.
    const sourceLines: Array<[key: string, quoted: string]> = [
      ['neighbourhood-information', 'To be verified by Tenant Inspection June 2021'],
      ['emails-acknowledged-within-4-hours', 'customer service inspection Aug 2021'],
      ['health-and-safety-information', 'inspection planned for May 2021'],
      ['allocations-information', 'inspection planed for September 2021'],
      ['tenancy-information', 'inspection planned for March 2021'],
      ['mutual-exchange-information', 'inspection planned for March 2021'],
      ['rent-payment-information', 'inspection planned March 2021'],
      ['income-officer-advice', 'inspection planned for March 2021'],
      ['rent-account-information', 'inspection planned for March 2021'],
      ['income-maximisation-information', 'To be verified by tenant inspectors, March 2021'],
      ['tenant-voice-information', 'inspection planned for Nov 2021'],
    ];
    const MONTHS = [
      'jan',
      'feb',
      'mar',
      'apr',
      'may',
      'jun',
      'jul',
      'aug',
      'sep',
      'oct',
      'nov',
      'dec',
    ];
    const monthNamed = (quoted: string) => {
      const [, name = '', year = ''] = /([A-Za-z]+) (\d{4})$/.exec(quoted) ?? [];
      const month = MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
      return `${year}-${String(month).padStart(2, '0')}`;
    };
    const planned = liverpool().filter(
      (s) => !s.verification.done && s.verification.plannedMonth !== undefined,
    );
    expect(planned).toHaveLength(sourceLines.length);
    expect(planned.map((s) => [s.key, s.verification.plannedMonth])).toEqual(
      sourceLines.map(([key, quoted]) => [key, monthNamed(quoted)]),
    );
  });

  it('keeps figures with no target (satisfaction since April 2020, ASB caseload) with their units', () => {
    expect(standard('neighbourhood-satisfaction').latest).toEqual({
      value: 91.9,
      period: '2020/21 Q1-Q3',
      unit: 'percent',
    });
    expect(standard('asb-cases-open').latest).toEqual({
      value: 399,
      period: '2020/21 Q3',
      unit: 'count',
    });
    expect(compareWithTarget(standard('asb-cases-open'))).toEqual({ status: 'no-target' });
  });
});
