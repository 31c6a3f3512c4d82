import type { ServiceStandard } from '../../src/domain/standards';
import type { StandardLine } from '../../src/app/standards/standard-use-cases';
import type { RegisterLine } from '../../src/app/declarations/declaration-use-cases';
import type { OpenCheck } from '../../src/app/checks/check-use-cases';
import type { EvidenceRequestRecord } from '../../src/store/evidence/evidence-request-model';
import type { DeadlineRecord } from '../../src/store/deadlines/deadline-model';
import type { ConductEventRecord } from '../../src/store/conduct/conduct-event-model';
import type { DigestLine } from '../../src/app/nudges/morning-digest';

/**
 * Data for the cards whose lists grow, at a chosen size. "Realistic" is what a landlord has
 * today (the Liverpool offers number 43); the size tests use ten times that, with every text
 * as long as the inputs allow when `longest` is set.
 */
export const REALISTIC = { standards: 43, declarations: 20, digest: 20, history: 10, mine: 10 };

const AREAS = [
  'Allocations & Lettings',
  'Customer Service',
  'Income Management',
  'Looking after your home',
  'Neighbourhood Management',
  'Repairs and Maintenance',
  'Safer Estates',
  'Tenancy Management',
  'Tenant Voice',
];

/** Text of a given length made of words, so it wraps as real text would. */
export function words(length: number, seed = 'word'): string {
  let text = '';
  while (text.length < length) text += `${seed} `;
  return text.slice(0, length).trim() || seed;
}

export function standardLines(count: number, longest = false): StandardLine[] {
  return Array.from({ length: count }, (_, i) => {
    const standard: ServiceStandard = {
      key: `local-offer-${String(i + 1).padStart(3, '0')}-${longest ? words(60, 'long').replace(/ /g, '-') : 'repairs'}`,
      serviceArea: longest
        ? `${words(200, 'Area')} ${i % 30}`
        : (AREAS[i % AREAS.length] ?? 'Repairs'),
      promise: longest
        ? words(5000, 'promise')
        : `We will complete routine repair number ${i + 1} within 20 working days of your report.`,
      measure: 'Percentage completed in time',
      target: { value: 95, unit: 'percent', direction: 'at-least' },
      latest: { value: 88.5, period: longest ? words(400, 'period') : '2020/21 Q3' },
      // Liverpool: many offers carry "inspection planned for <month>", the rest none.
      verification: i % 3 === 0 ? { plannedMonth: '2021-09', done: false } : { done: false },
    };
    return { standard, belowTarget: i % 4 === 0 };
  });
}

export function registerLines(declarations: number, longest = false): RegisterLine[] {
  // Two declarations a person, as members usually declare a relative and a neighbour.
  const people = Math.ceil(declarations / 2);
  return Array.from({ length: people }, (_, p) => ({
    personId: `person-${p}`,
    displayName: longest ? words(100, 'Name') : `Member ${p + 1}`,
    declarations: Array.from({ length: Math.min(2, declarations - p * 2) }, (_, d) => ({
      id: (p * 2 + d).toString(16).padStart(24, '0'),
      kindLabel: 'Relative on the staff',
      detail: longest
        ? words(1000, 'detail')
        : 'My sister manages the call centre in the north area',
      decision: 'awaiting a decision',
    })),
    reconfirmationDueOn: '2027-03-02',
    overdue: p % 3 === 0,
  }));
}

export function digestLines(count: number, longest = false): DigestLine[] {
  return Array.from({ length: count }, (_, i) => ({
    what: longest
      ? `E-${i + 1}: ${words(500, 'figures')}`
      : `E-${i + 1}: Repair satisfaction figures for Q3`,
    owner: longest ? words(100, 'Owner') : 'Sam Servicelead',
    due: 'Wednesday 6 January 2027',
  }));
}

export function conductEvents(count: number, longest = false): ConductEventRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    _id: `event-${i}`,
    organisationId: 'org',
    groupId: 'group',
    subjectId: 'subject',
    kind: 'warned',
    number: i + 1,
    key: `warned-${i + 1}`,
    reason: longest ? words(500, 'reason') : 'Shouting over other members',
    by: `officer-${i % 3}`,
    at: new Date(Date.UTC(2026, 0, 1 + i, 18, 40)),
    details: {},
  })) as unknown as ConductEventRecord[];
}

/** Open work for `mine`: checks, requests and deadlines in about equal parts. */
export function openWork(count: number, longest = false) {
  const third = Math.ceil(count / 3);
  const checks = Array.from({ length: third }, (_, i) => ({
    check: {
      reference: `C-${i + 1}`,
      title: longest ? words(200, 'title') : `Empty home at ${i + 1} Elm Road`,
      dueOn: '2027-03-20',
    },
    assignment: { status: 'accepted' },
  })) as unknown as OpenCheck[];
  const requests = Array.from({ length: third }, (_, i) => ({
    reference: `E-${i + 1}`,
    what: longest ? words(500, 'what') : 'Repair satisfaction figures',
    dueAt: new Date('2027-01-06T23:59:59Z'),
  })) as unknown as EvidenceRequestRecord[];
  const deadlines = Array.from({ length: count - 2 * third }, (_, i) => ({
    _id: `deadline-${i}`,
    kind: 'improvement-plan',
    subject: { kind: 'review', id: `review-${i}` },
    dueAt: new Date('2027-06-01T16:00:00Z'),
  })) as unknown as DeadlineRecord[];
  return { checks, requests, deadlines };
}
