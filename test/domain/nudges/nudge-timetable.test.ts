import { createWorkingDayCalendar } from '../../../src/domain/calendar';
import {
  decideNudge,
  handledAtStart,
  isWorkingTime,
  nextWorkingTime,
  nudgeTimetable,
} from '../../../src/domain/nudges';

const calendar = createWorkingDayCalendar({ region: 'england-and-wales', zone: 'Europe/London' });
const dueAt = (date: string) => calendar.endOfLocalDay(date);
const plan = (date: string) =>
  nudgeTimetable(dueAt(date), calendar).map((n) => `${n.stage} ${n.on} ${n.at.toISOString()}`);

describe('the nudge timetable (3 and 1 working days before, the due morning, 3 overdue, escalation)', () => {
  it('skips the weekend', () => {
    expect(plan('2026-12-02')).toEqual([
      'before-3 2026-11-27 2026-11-27T09:00:00.000Z',
      'before-1 2026-12-01 2026-12-01T09:00:00.000Z',
      'due 2026-12-02 2026-12-02T09:00:00.000Z',
      'overdue-1 2026-12-03 2026-12-03T09:00:00.000Z',
      'overdue-2 2026-12-04 2026-12-04T09:00:00.000Z',
      'overdue-3 2026-12-07 2026-12-07T09:00:00.000Z',
      'escalation 2026-12-08 2026-12-08T09:00:00.000Z',
    ]);
  });

  it('skips Christmas, the Boxing Day substitute and New Year’s Day', () => {
    expect(plan('2026-12-30').map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      'before-3 2026-12-23',
      'before-1 2026-12-29',
      'due 2026-12-30',
      'overdue-1 2026-12-31',
      'overdue-2 2027-01-04',
      'overdue-3 2027-01-05',
      'escalation 2027-01-06',
    ]);
  });

  it('keeps nine o’clock local across the clock change', () => {
    const [before3, before1] = nudgeTimetable(dueAt('2026-03-31'), calendar);
    expect(before3?.at.toISOString()).toBe('2026-03-26T09:00:00.000Z'); // GMT
    expect(before1?.at.toISOString()).toBe('2026-03-30T08:00:00.000Z'); // BST
    const autumn = nudgeTimetable(dueAt('2026-10-27'), calendar);
    expect(autumn.find((n) => n.stage === 'before-1')?.at.toISOString()).toBe(
      '2026-10-26T09:00:00.000Z',
    );
    expect(autumn.find((n) => n.stage === 'before-3')?.at.toISOString()).toBe(
      '2026-10-22T08:00:00.000Z',
    );
  });

  it('a deadline an officer put on a Saturday is "due" on the Friday morning, once', () => {
    const stages = nudgeTimetable(dueAt('2026-12-05'), calendar).map((n) => `${n.stage} ${n.on}`);
    expect(stages[0]).toBe('before-3 2026-12-02');
    expect(stages).toContain('due 2026-12-04');
    expect(stages.filter((s) => s.endsWith('2026-12-04'))).toHaveLength(1);
    expect(stages).toContain('overdue-1 2026-12-07');
  });
});

describe('deciding what a sweep sends', () => {
  const timetable = nudgeTimetable(dueAt('2026-12-02'), calendar);

  it('sends the stage whose morning has come, and says when to look again', () => {
    const decision = decideNudge(timetable, -1, new Date('2026-11-27T09:05:00Z'), calendar);
    expect(decision.send?.stage).toBe('before-3');
    expect(decision.through).toBe(0);
    expect(decision.nextAt?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('sends nothing before the next stage, and nothing twice', () => {
    const decision = decideNudge(timetable, 0, new Date('2026-11-30T11:00:00Z'), calendar);
    expect(decision.send).toBeUndefined();
    expect(decision.through).toBe(0);
    expect(decision.nextAt?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('after the bot was down, only the latest stage that has come is sent', () => {
    const decision = decideNudge(timetable, -1, new Date('2026-12-02T10:00:00Z'), calendar);
    expect(decision.send?.stage).toBe('due');
    expect(decision.through).toBe(2);
  });

  it('waits for working hours: a late evening or a weekend goes to the next working morning', () => {
    const evening = decideNudge(timetable, -1, new Date('2026-11-27T18:00:00Z'), calendar);
    expect(evening.send).toBeUndefined();
    expect(evening.nextAt?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(isWorkingTime(new Date('2026-11-28T10:00:00Z'), calendar)).toBe(false);
    expect(nextWorkingTime(new Date('2026-11-30T07:00:00Z'), calendar).toISOString()).toBe(
      '2026-11-30T09:00:00.000Z',
    );
  });

  it('ends with escalation and then has nothing left', () => {
    const last = timetable.length - 1;
    const decision = decideNudge(timetable, last - 1, new Date('2026-12-08T09:30:00Z'), calendar);
    expect(decision.send).toMatchObject({ stage: 'escalation', audience: 'escalation' });
    expect(decision.nextAt).toBeUndefined();
  });

  it('a deadline set at short notice starts after the reminders it was too late for', () => {
    expect(handledAtStart(timetable, new Date('2026-11-30T15:00:00Z'))).toBe(0);
    expect(handledAtStart(timetable, new Date('2026-11-01T15:00:00Z'))).toBe(-1);
  });
});
