import { mentionToken, parseCommand, readDate } from '../../src/commands';
import { fakeContext, TODAY } from './parse-context';

const sam = mentionToken('U0SAMPATEL');

function dueOf(written: string, context = fakeContext()) {
  const result = parseCommand(`check assign ${sam} "Call" kind:survey ${written}`, context);
  return result.ok ? result.command : result.message;
}

describe('dates in commands', () => {
  it('today and tomorrow are calendar days, whatever the case', () => {
    expect(dueOf('due:today')).toMatchObject({ due: TODAY });
    expect(dueOf('due:Tomorrow')).toMatchObject({ due: '2026-03-03' });
  });

  it('tomorrow from a Friday is Saturday: it counts calendar days, not working days', () => {
    expect(dueOf('due:tomorrow', fakeContext('2026-03-06'))).toMatchObject({ due: '2026-03-07' });
  });

  it.each([
    ['due:+10wd', '2026-03-16'],
    ['due:+10WD', '2026-03-16'],
    ['due:+10 wd', '2026-03-16'],
    ['due: +10 wd', '2026-03-16'],
    ['due:10wd', '2026-03-16'],
    ['due:+1wd', '2026-03-03'],
    ['due:+5wd', '2026-03-09'],
  ])('%s asks the working-day calendar and uses its answer (%s)', (written, expected) => {
    const context = fakeContext();
    expect(dueOf(written, context)).toMatchObject({ due: expected });
    expect(context.calls).toHaveLength(1);
    expect(context.calls[0]?.from).toBe(TODAY);
  });

  it('passes the count as typed to the calendar', () => {
    const context = fakeContext();
    dueOf('due:+7 wd', context);
    expect(context.calls).toEqual([{ from: TODAY, n: 7 }]);
  });

  it('uses whatever the calendar says, so bank holidays are its business', () => {
    const context = { today: TODAY, addWorkingDays: () => '2026-12-29' };
    expect(parseCommand(`evidence request ${sam} "Logs" due:+3wd`, context)).toMatchObject({
      ok: true,
      command: { due: '2026-12-29' },
    });
  });

  it('a real YYYY-MM-DD date is taken as is, and single-digit parts are padded', () => {
    expect(dueOf('due:2026-04-30')).toMatchObject({ due: '2026-04-30' });
    expect(dueOf('due:2026-4-3')).toMatchObject({ due: '2026-04-03' });
    expect(dueOf('due:2028-02-29')).toMatchObject({ due: '2028-02-29' });
  });

  it.each([
    ['due:2026-02-30', "due:2026-02-30 isn't a real date: February 2026 has 28 days."],
    ['due:2027-02-29', "due:2027-02-29 isn't a real date: February 2027 has 28 days."],
    ['due:2026-13-01', "due:2026-13-01 isn't a real date: there is no month 13."],
    ['due:31/02/2026', "due:31/02/2026 isn't a real date: February 2026 has 28 days."],
    ['due:31/04/2026', "due:31/04/2026 isn't a real date: April has 30 days."],
    ['due:0/4/2026', "due:0/4/2026 isn't a real date: there is no day 0."],
    ['due:13/13/2026', "due:13/13/2026 isn't a real date: there is no month 13."],
    ['due:30 Feb', "due:30 Feb isn't a real date: February has at most 29 days."],
    ['due:32 Dec 2026', "due:32 Dec 2026 isn't a real date: December has 31 days."],
    [
      'due:next-week',
      "due:next-week isn't a date I can read. Use 21/12/2026, 21 Dec, 21 December 2026, 2026-12-21, today, tomorrow, friday, next friday or +N wd for working days.",
    ],
    ['due:2026-03-01', 'due:2026-03-01 is in the past; a due date must be today or later.'],
    ['due:1/3/2026', 'due:1/3/2026 is in the past; a due date must be today or later.'],
    ['due:+0wd', 'due:+0wd must count at least 1 working day.'],
    ['due:+261wd', 'due:+261wd is too far ahead; give a date within 260 working days.'],
  ])('%s is refused', (written, message) => {
    const result = parseCommand(`check assign ${sam} "Call" kind:survey ${written}`, fakeContext());
    expect(result).toMatchObject({ ok: false, message });
  });

  // UK convention: day first, always. 04/05/2026 is 4 May even though 5 April is a real date.
  it.each([
    ['due:21/12/2026', '2026-12-21'],
    ['due:21/12/26', '2026-12-21'],
    ['due:3/4/26', '2026-04-03'],
    ['due:21-12-2026', '2026-12-21'],
    ['due:21.12.2026', '2026-12-21'],
    ['due:04/05/2026', '2026-05-04'],
    ['due:21/12', '2026-12-21'],
    ['due:29/2/2028', '2028-02-29'],
  ])('%s is read day first (%s)', (written, expected) => {
    expect(dueOf(written)).toMatchObject({ due: expected });
  });

  it.each([
    ['due:21 Dec', '2026-12-21'],
    ['due:21 December', '2026-12-21'],
    ['due:21 Dec 2026', '2026-12-21'],
    ['due:21st December 2026', '2026-12-21'],
    ['due:2nd Sept', '2026-09-02'],
    ['due:21 Dec, 2026', '2026-12-21'],
    ['due:21-Dec-2026', '2026-12-21'],
    ['due:"21 Dec"', '2026-12-21'],
    ['due: 21 Dec', '2026-12-21'],
    ['due:Monday 21 December 2026', '2026-12-21'],
    ['due:2 MARCH', '2026-03-02'],
  ])('%s, a day and month in words, is read (%s)', (written, expected) => {
    expect(dueOf(written)).toMatchObject({ due: expected });
  });

  it.each([
    // Today is Monday 2 March 2026: a bare day name is the next one after today.
    ['due:monday', '2026-03-09'],
    ['due:Mon', '2026-03-09'],
    ['due:tues', '2026-03-03'],
    ['due:Weds', '2026-03-04'],
    ['due:thurs', '2026-03-05'],
    ['due:Friday', '2026-03-06'],
    ['due:sun', '2026-03-08'],
    ['due:next Monday', '2026-03-09'],
    ['due:next mon', '2026-03-09'],
  ])('%s, a day of the week, is read (%s)', (written, expected) => {
    expect(dueOf(written)).toMatchObject({ due: expected });
  });

  it('next <day> is the one in next week when the coming one already is', () => {
    // Wednesday 4 March: the coming Tuesday is 10 March, in next week, so no one can doubt it.
    expect(dueOf('due:next tuesday', fakeContext('2026-03-04'))).toMatchObject({
      due: '2026-03-10',
    });
    // Sunday 8 March ends the week: the coming Friday is next week's.
    expect(dueOf('due:next friday', fakeContext('2026-03-08'))).toMatchObject({
      due: '2026-03-13',
    });
  });

  it('next <day> that could be this week or next is refused with both dates', () => {
    expect(dueOf('due:next Tuesday')).toBe(
      'due:next Tuesday could be Tuesday 3 March or Tuesday 10 March 2026: write the date instead.',
    );
    expect(dueOf('due:next thursday', fakeContext('2026-12-28'))).toBe(
      'due:next thursday could be Thursday 31 December 2026 or Thursday 7 January 2027: write the date instead.',
    );
  });

  it.each([
    [
      'due:12/21/2026',
      'due:12/21/2026 has the month first, the US way, and there is no month 21. Write the day first: 21/12/2026.',
    ],
    [
      'due:12.31.26',
      'due:12.31.26 has the month first, the US way, and there is no month 31. Write the day first: 31.12.26.',
    ],
    ['due:Dec 21', 'due:Dec 21 has the month first; write the day first: 21 December.'],
    [
      'due:December 21st 2026',
      'due:December 21st 2026 has the month first; write the day first: 21 December 2026.',
    ],
  ])('%s, written month first, is refused', (written, message) => {
    expect(dueOf(written)).toBe(message);
  });

  it('a day name that does not match the date is refused rather than guessed', () => {
    expect(dueOf('due:Tuesday 21 December 2026')).toBe(
      "due:Tuesday 21 December 2026 doesn't add up: 21 December 2026 is a Monday. Write the date without the day, or check it.",
    );
  });

  it('a day and month without a year is the next one, today included', () => {
    const newYearsEve = fakeContext('2026-12-30');
    expect(dueOf('due:2 Jan', newYearsEve)).toMatchObject({ due: '2027-01-02' });
    expect(dueOf('due:2/1', newYearsEve)).toMatchObject({ due: '2027-01-02' });
    expect(dueOf('due:30 Dec', newYearsEve)).toMatchObject({ due: '2026-12-30' });
    expect(dueOf('due:29 Dec', newYearsEve)).toMatchObject({ due: '2027-12-29' });
    expect(dueOf('due:1/3')).toMatchObject({ due: '2027-03-01' });
    expect(dueOf('due:29 Feb')).toMatchObject({ due: '2028-02-29' });
  });

  it('check assign with a British date parses to the ISO date', () => {
    expect(
      parseCommand(
        `check assign ${sam} "Call the repairs line" kind:survey due:21/12/2026`,
        fakeContext(),
      ),
    ).toEqual({
      ok: true,
      command: {
        type: 'check-assign',
        personUserId: 'U0SAMPATEL',
        title: 'Call the repairs line',
        kind: 'survey',
        due: '2026-12-21',
      },
    });
  });

  it('words after a date in words stay where they were', () => {
    expect(
      parseCommand(`evidence request ${sam} due:21 Dec 2026 Complaints log`, fakeContext()),
    ).toMatchObject({ ok: true, command: { what: 'Complaints log', due: '2026-12-21' } });
    expect(
      parseCommand(`evidence request ${sam} due:next monday Complaints log`, fakeContext()),
    ).toMatchObject({ ok: true, command: { what: 'Complaints log', due: '2026-03-09' } });
  });

  it('a "member since" date may be in the past, in any form', () => {
    const result = parseCommand(`group add ${sam} role:member since:2019-09-01`, fakeContext());
    expect(result).toMatchObject({ ok: true, command: { since: '2019-09-01' } });
    const british = parseCommand(`group add ${sam} role:member since:1/9/2019`, fakeContext());
    expect(british).toMatchObject({ ok: true, command: { since: '2019-09-01' } });
  });

  it('readDate on its own reads the same forms', () => {
    expect(readDate('TODAY', 'x', fakeContext())).toEqual({ ok: true, date: TODAY });
    expect(readDate('2026\u201303\u201310', 'x', fakeContext())).toEqual({
      ok: true,
      date: '2026-03-10',
    });
  });
});
