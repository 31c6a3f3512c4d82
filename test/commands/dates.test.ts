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
    ['due:2026-02-30', "due:2026-02-30 isn't a real date."],
    ['due:2027-02-29', "due:2027-02-29 isn't a real date."],
    ['due:2026-13-01', "due:2026-13-01 isn't a real date."],
    [
      'due:31/03/2026',
      "due:31/03/2026 isn't a date I can read. Did you mean 2026-03-31? Dates are written YYYY-MM-DD.",
    ],
    [
      'due:next-week',
      "due:next-week isn't a date I can read. Use YYYY-MM-DD (e.g. 2026-03-03), today, tomorrow or +N wd for working days.",
    ],
    ['due:2026-03-01', 'due:2026-03-01 is in the past; a due date must be today or later.'],
    ['due:+0wd', 'due:+0wd must count at least 1 working day.'],
    ['due:+261wd', 'due:+261wd is too far ahead; give a date within 260 working days.'],
  ])('%s is refused', (written, message) => {
    const result = parseCommand(`check assign ${sam} "Call" kind:survey ${written}`, fakeContext());
    expect(result).toMatchObject({ ok: false, message });
  });

  it('a "member since" date may be in the past', () => {
    const result = parseCommand(`group add ${sam} role:member since:2019-09-01`, fakeContext());
    expect(result).toMatchObject({ ok: true, command: { since: '2019-09-01' } });
  });

  it('readDate on its own reads the same forms', () => {
    expect(readDate('TODAY', 'x', fakeContext())).toEqual({ ok: true, date: TODAY });
    expect(readDate('2026\u201303\u201310', 'x', fakeContext())).toEqual({
      ok: true,
      date: '2026-03-10',
    });
  });
});
