import {
  calendarSettingsSchema,
  createWorkingDayCalendar,
  localDateSchema,
} from '../../../src/domain/calendar';

const calendar = createWorkingDayCalendar({ region: 'england-and-wales' });

describe('WorkingDayCalendar: counting working days (domain.md, Sedgemoor "10 working days of receipt")', () => {
  it('never counts the day of receipt: a Friday request reaches working day 1 on Monday', () => {
    expect(calendar.addWorkingDays(new Date('2026-06-05T09:00:00Z'), 1)).toBe('2026-06-08');
  });

  it('reads the day of receipt in London time, not UTC', () => {
    // Sunday 23:30 BST is still Sunday; 00:30 BST on Monday is Monday.
    expect(calendar.addWorkingDays(new Date('2026-06-07T22:30:00Z'), 1)).toBe('2026-06-08');
    expect(calendar.addWorkingDays(new Date('2026-06-07T23:30:00Z'), 1)).toBe('2026-06-09');
  });

  it('skips Easter 2026 when counting forward and back', () => {
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(calendar.previousWorkingDay('2026-04-07')).toBe('2026-04-02');
  });

  it('zero working days is the local date itself, even on a weekend', () => {
    expect(calendar.addWorkingDays(new Date('2026-06-06T12:00:00Z'), 0)).toBe('2026-06-06');
  });

  it('refuses a fraction of a working day', () => {
    expect(() => calendar.addWorkingDays('2026-06-01', 1.5)).toThrow(RangeError);
  });
});

describe('WorkingDayCalendar: calendar days and months', () => {
  it('adds calendar days across a month end and a year end', () => {
    expect(calendar.addCalendarDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(calendar.addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('clamps a month end: 31 August plus 6 months is the end of February', () => {
    expect(calendar.addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(calendar.addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(calendar.addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });
});

describe('WorkingDayCalendar: the end of a local day across clock changes', () => {
  it('BST ends 25 October 2026: that day ends at 23:59:59.999 GMT, the day before at 22:59:59.999 UTC', () => {
    expect(calendar.endOfLocalDay('2026-10-24').toISOString()).toBe('2026-10-24T22:59:59.999Z');
    expect(calendar.endOfLocalDay('2026-10-25').toISOString()).toBe('2026-10-25T23:59:59.999Z');
  });

  it('BST starts 29 March 2026: that day ends at 22:59:59.999 UTC, the day before at 23:59:59.999', () => {
    expect(calendar.endOfLocalDay('2026-03-28').toISOString()).toBe('2026-03-28T23:59:59.999Z');
    expect(calendar.endOfLocalDay('2026-03-29').toISOString()).toBe('2026-03-29T22:59:59.999Z');
  });

  it('keeps another organisation’s zone when given one', () => {
    const inNewYork = createWorkingDayCalendar({
      region: 'northern-ireland',
      zone: 'America/New_York',
    });
    expect(inNewYork.endOfLocalDay('2026-06-01').toISOString()).toBe('2026-06-02T03:59:59.999Z');
    expect(inNewYork.localDateOf(new Date('2026-06-02T03:00:00Z'))).toBe('2026-06-01');
  });
});

describe('WorkingDayCalendar: bad input', () => {
  it('throws on a date that does not exist or a zone that is not IANA', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.endOfLocalDay('3 March 2026')).toThrow(RangeError);
    expect(() => createWorkingDayCalendar({ region: 'scotland', zone: 'Mars/Olympus' })).toThrow(
      RangeError,
    );
  });

  it('validates dates and settings from chat with zod, defaulting the zone to Europe/London', () => {
    expect(localDateSchema.safeParse('2026-03-03').success).toBe(true);
    expect(localDateSchema.safeParse('2026-02-29').success).toBe(false);
    expect(calendarSettingsSchema.parse({ region: 'scotland' })).toEqual({
      region: 'scotland',
      zone: 'Europe/London',
    });
    expect(calendarSettingsSchema.safeParse({ region: 'wales' }).success).toBe(false);
    expect(calendarSettingsSchema.safeParse({ region: 'scotland', zone: 'Nowhere' }).success).toBe(
      false,
    );
  });
});
