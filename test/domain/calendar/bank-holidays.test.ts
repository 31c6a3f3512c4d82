import { createWorkingDayCalendar } from '../../../src/domain/calendar';

// docs/domain.md, "Deadlines the bot must chase": working days skip weekends and bank holidays.
const englandAndWales = createWorkingDayCalendar({ region: 'england-and-wales' });
const scotland = createWorkingDayCalendar({ region: 'scotland' });
const northernIreland = createWorkingDayCalendar({ region: 'northern-ireland' });

describe('domain.md working days: bank holidays in England and Wales', () => {
  it('2021: Christmas Day (Sat) and Boxing Day (Sun) move to Monday 27 and Tuesday 28 December', () => {
    expect(englandAndWales.isWorkingDay('2021-12-24')).toBe(true);
    expect(englandAndWales.isWorkingDay('2021-12-27')).toBe(false);
    expect(englandAndWales.isWorkingDay('2021-12-28')).toBe(false);
    expect(englandAndWales.isWorkingDay('2021-12-29')).toBe(true);
    expect(englandAndWales.nextWorkingDay('2021-12-24')).toBe('2021-12-29');
  });

  it('2022: Christmas Day on a Sunday gives Boxing Day on Monday 26 and a substitute on Tuesday 27', () => {
    expect(englandAndWales.isWorkingDay('2022-12-26')).toBe(false);
    expect(englandAndWales.isWorkingDay('2022-12-27')).toBe(false);
    expect(englandAndWales.nextWorkingDay('2022-12-23')).toBe('2022-12-28');
  });

  it('2022: New Year’s Day on a Saturday gives Monday 3 January off', () => {
    expect(englandAndWales.isWorkingDay('2022-01-03')).toBe(false);
    expect(englandAndWales.nextWorkingDay('2021-12-31')).toBe('2022-01-04');
  });

  it('Easter 2026: Good Friday 3 April and Easter Monday 6 April are not working days', () => {
    expect(englandAndWales.isWorkingDay('2026-04-03')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-04-06')).toBe(false);
    expect(englandAndWales.nextWorkingDay('2026-04-02')).toBe('2026-04-07');
  });

  it('the early May bank holiday is Monday 4 May 2026', () => {
    expect(englandAndWales.isWorkingDay('2026-05-04')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-05-05')).toBe(true);
  });

  it('lists only the days off for 2026, not observances like Mother’s Day', () => {
    expect(englandAndWales.bankHolidaysIn(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
    expect(englandAndWales.bankHolidaysIn(2026).find((h) => h.date === '2026-12-28')).toEqual({
      date: '2026-12-28',
      name: 'Boxing Day (substitute day)',
      substitute: true,
    });
  });

  it('weekends are never working days, even with no holiday', () => {
    expect(englandAndWales.isWorkingDay('2026-06-06')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-06-07')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-06-08')).toBe(true);
  });

  it('looks each year up once and hands back the same list after', () => {
    expect(englandAndWales.bankHolidaysIn(2030)).toBe(englandAndWales.bankHolidaysIn(2030));
  });
});

describe('domain.md working days: Scotland differs from England and Wales', () => {
  it('2 January is a holiday in Scotland only', () => {
    expect(scotland.isWorkingDay('2026-01-02')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-01-02')).toBe(true);
  });

  it('a request on 31 December 2025 reaches its second working day later in Scotland', () => {
    const received = new Date('2025-12-31T10:00:00Z');
    expect(englandAndWales.addWorkingDays(received, 2)).toBe('2026-01-05');
    expect(scotland.addWorkingDays(received, 2)).toBe('2026-01-06');
  });

  it('2022: New Year and 2 January on a weekend give Monday 3 and Tuesday 4 January off', () => {
    expect(scotland.isWorkingDay('2022-01-03')).toBe(false);
    expect(scotland.isWorkingDay('2022-01-04')).toBe(false);
    expect(englandAndWales.isWorkingDay('2022-01-04')).toBe(true);
  });

  it('St Andrew’s Day on a weekend moves to the Monday (1 December 2025, 2 December 2024)', () => {
    expect(scotland.isWorkingDay('2025-12-01')).toBe(false);
    expect(scotland.isWorkingDay('2024-12-02')).toBe(false);
    expect(englandAndWales.isWorkingDay('2025-12-01')).toBe(true);
  });

  it('Easter Monday is a working day and the summer holiday is the first Monday of August', () => {
    expect(scotland.isWorkingDay('2026-04-06')).toBe(true);
    expect(scotland.isWorkingDay('2026-08-03')).toBe(false);
    expect(scotland.isWorkingDay('2026-08-31')).toBe(true);
  });
});

describe('domain.md working days: Northern Ireland differs from England and Wales', () => {
  it('St Patrick’s Day, 17 March 2026, is a holiday in Northern Ireland only', () => {
    expect(northernIreland.isWorkingDay('2026-03-17')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-03-17')).toBe(true);
  });

  it('12 July is a holiday, moved to Monday 13 July in 2026 when it falls on a Sunday', () => {
    expect(northernIreland.isWorkingDay('2021-07-12')).toBe(false);
    expect(northernIreland.isWorkingDay('2026-07-13')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-07-13')).toBe(true);
  });
});
