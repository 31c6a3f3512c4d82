import { createWorkingDayCalendar } from '../../../src/domain/calendar';
import {
  DEADLINE_KINDS,
  DEADLINE_RULES,
  checkReviewAfterMonths,
  dueFor,
} from '../../../src/domain/deadlines';

const calendar = createWorkingDayCalendar({ region: 'england-and-wales' });
const scotland = createWorkingDayCalendar({ region: 'scotland' });
const due = (...args: Parameters<typeof dueFor>) => dueFor(...args).toISOString();

describe('Sedgemoor ToR 6.1: information request is answered within 10 working days of receipt', () => {
  it('received Tuesday 31 March 2026: Easter is skipped, due end of Thursday 16 April (BST)', () => {
    expect(due('information-request', new Date('2026-03-31T09:00:00Z'), calendar)).toBe(
      '2026-04-16T22:59:59.999Z',
    );
  });

  it('crossing the end of BST on 25 October 2026: due end of Tuesday 3 November, in GMT', () => {
    expect(due('information-request', new Date('2026-10-20T09:00:00Z'), calendar)).toBe(
      '2026-11-03T23:59:59.999Z',
    );
  });

  it('crossing the start of BST on 29 March 2026: due end of Tuesday 7 April, in BST', () => {
    expect(due('information-request', new Date('2026-03-20T09:00:00Z'), calendar)).toBe(
      '2026-04-07T22:59:59.999Z',
    );
  });

  it('over Christmas 2021 the substitute days 27 and 28 December do not count', () => {
    // After Friday 17: 20-24 Dec are days 1-5, 29-31 Dec 6-8, then 3 January 2022 is the
    // New Year substitute, so 4 and 5 January are days 9 and 10.
    expect(due('information-request', new Date('2021-12-17T10:00:00Z'), calendar)).toBe(
      '2022-01-05T23:59:59.999Z',
    );
  });

  it('in Scotland, Easter Monday 6 April 2026 counts as a working day', () => {
    expect(due('information-request', new Date('2026-03-31T09:00:00Z'), scotland)).toBe(
      '2026-04-15T22:59:59.999Z',
    );
  });
});

describe('Sedgemoor ToR 6.1: SMT respond with an improvement plan within 28 days of agreeing recommendations', () => {
  it('agreed 3 March 2026 (GMT): due end of 31 March, after BST has started', () => {
    expect(due('improvement-plan', new Date('2026-03-03T14:00:00Z'), calendar)).toBe(
      '2026-03-31T22:59:59.999Z',
    );
  });

  it('counts calendar days, so it can fall due on a weekend', () => {
    expect(due('improvement-plan', new Date('2026-06-06T10:00:00Z'), calendar)).toBe(
      '2026-07-04T22:59:59.999Z',
    );
  });
});

describe('Sedgemoor ToR 6.1: the committee signs off or returns the improvement plan within 10 days of receipt', () => {
  it('reads "10 days" as calendar days: received Friday 18 December 2026, due 28 December (a bank holiday)', () => {
    expect(DEADLINE_RULES['committee-sign-off'].period).toEqual({
      unit: 'calendar-days',
      amount: 10,
    });
    expect(due('committee-sign-off', new Date('2026-12-18T15:00:00Z'), calendar)).toBe(
      '2026-12-28T23:59:59.999Z',
    );
  });

  it('received 20 October 2026 in BST, due 30 October in GMT', () => {
    expect(due('committee-sign-off', new Date('2026-10-20T11:00:00Z'), calendar)).toBe(
      '2026-10-30T23:59:59.999Z',
    );
  });
});

describe('Southampton ToR: an action plan is reviewed 6 months to 1 year after it is agreed', () => {
  it('is due 6 months on by default', () => {
    expect(due('action-plan-review', new Date('2026-04-30T10:00:00Z'), calendar)).toBe(
      '2026-10-30T23:59:59.999Z',
    );
  });

  it('may be set as late as 12 months', () => {
    expect(
      due('action-plan-review', new Date('2026-04-30T10:00:00Z'), calendar, {
        reviewAfterMonths: 12,
      }),
    ).toBe('2027-04-30T22:59:59.999Z');
  });

  it('refuses an interval outside 6 to 12 months', () => {
    expect(checkReviewAfterMonths(9)).toEqual({ ok: true, value: 9 });
    const refused = checkReviewAfterMonths(13);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.refusals[0]?.code).toBe('review-interval-out-of-range');
    expect(checkReviewAfterMonths(5).ok).toBe(false);
    expect(checkReviewAfterMonths(6.5).ok).toBe(false);
    expect(() =>
      dueFor('action-plan-review', new Date('2026-04-30T10:00:00Z'), calendar, {
        reviewAfterMonths: 3,
      }),
    ).toThrow(RangeError);
  });
});

describe('domain.md: declarations of interest are re-confirmed yearly (Sedgemoor 9.1 asks for them)', () => {
  it('is due a year after the last, and 29 February rolls to 28 February', () => {
    expect(due('declaration-reconfirmation', new Date('2026-03-03T10:00:00Z'), calendar)).toBe(
      '2027-03-03T23:59:59.999Z',
    );
    expect(due('declaration-reconfirmation', new Date('2028-02-29T10:00:00Z'), calendar)).toBe(
      '2029-02-28T23:59:59.999Z',
    );
  });
});

describe('Torus TIMS ToR and Trafford QIP terms: annual appraisal', () => {
  it('is due a year after the last appraisal', () => {
    expect(due('appraisal', new Date('2026-07-01T09:00:00Z'), calendar)).toBe(
      '2027-07-01T22:59:59.999Z',
    );
  });
});

describe('Torus TIMS ToR: the annual review includes a review of the terms of reference', () => {
  it('is due a year after the last review', () => {
    expect(due('terms-review', new Date('2026-11-12T18:00:00Z'), calendar)).toBe(
      '2027-11-12T23:59:59.999Z',
    );
  });
});

describe('Torus TIMS ToR and Trafford QIP terms: inspectors report quarterly', () => {
  it('is due at the end of the current quarter', () => {
    expect(due('quarterly-report', new Date('2026-05-15T09:00:00Z'), calendar)).toBe(
      '2026-06-30T22:59:59.999Z',
    );
    expect(due('quarterly-report', new Date('2026-11-02T09:00:00Z'), calendar)).toBe(
      '2026-12-31T23:59:59.999Z',
    );
  });

  it('a report on the last day of a quarter is next due at the end of the following quarter', () => {
    expect(due('quarterly-report', new Date('2026-06-30T09:00:00Z'), calendar)).toBe(
      '2026-09-30T22:59:59.999Z',
    );
    expect(due('quarterly-report', new Date('2026-12-31T09:00:00Z'), calendar)).toBe(
      '2027-03-31T22:59:59.999Z',
    );
  });

  it('chains: counting from one due instant gives the next quarter end', () => {
    const first = dueFor('quarterly-report', new Date('2026-02-10T09:00:00Z'), calendar);
    expect(first.toISOString()).toBe('2026-03-31T22:59:59.999Z');
    expect(due('quarterly-report', first, calendar)).toBe('2026-06-30T22:59:59.999Z');
  });
});

describe('the rule table', () => {
  it('gives every kind a rule citing at least one document', () => {
    for (const kind of DEADLINE_KINDS) {
      expect(DEADLINE_RULES[kind].kind).toBe(kind);
      expect(DEADLINE_RULES[kind].sources.length).toBeGreaterThan(0);
    }
  });

  it('reads the day of the starting instant in the organisation’s zone', () => {
    // 00:30 BST on Sunday 25 October 2026 is still Saturday 24 October in UTC.
    expect(due('committee-sign-off', new Date('2026-10-24T23:30:00Z'), calendar)).toBe(
      '2026-11-04T23:59:59.999Z',
    );
  });
});
