import { DateTime } from 'luxon';
import type { LocalDate } from '../domain/calendar/local-date';
import { compareLocalDates, plusDays } from '../domain/calendar/local-date';
import { normaliseDashes } from './spacing';
import type { Token } from './tokenise';

/** What the parser needs to turn "today" and "+10 wd" into dates; the app supplies both. */
export interface DateContext {
  today: LocalDate;
  /** The group's working-day calendar (weekends and bank holidays skipped). */
  addWorkingDays: (from: LocalDate, n: number) => LocalDate;
}

export type DateReading = { ok: true; date: LocalDate } | { ok: false; message: string };

// Roughly a year of working days: further out is almost certainly a typo for something else.
export const MAX_WORKING_DAYS = 260;

export const DATE_FORMS =
  '21/12/2026, 21 Dec, 21 December 2026, 2026-12-21, today, tomorrow, friday, next friday or +N wd for working days';

const WORKING_DAYS = /^\+?(\d+)\s*wds?$/i;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Always day first: this is a UK service, and in the UK 04/05/2026 is 4 May, never 5 April.
// The year may be left off after / or . (21/12) but not after -, where 3-5 reads as a range.
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/;
// "21 Dec", "21st December 2026", "Monday 21 December 2026" (the form replies echo back).
const DAY_MONTH = /^(?:([a-z]+) )?(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)(?: (\d{4}))?$/;
// "Dec 21", "December 21st, 2026": the US order, read only to refuse it helpfully.
const MONTH_DAY = /^(?:[a-z]+ )?([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/;
const NEXT_WEEKDAY = /^next ([a-z]+)$/;
const ONE_WORD = /^([a-z]+)$/;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/**
 * 1-based position of a name people may shorten: any start of at least three letters (mon,
 * tues, thurs, sept, dec), plus "weds", which is common but not a start of "wednesday".
 */
function nameNumber(word: string | undefined, names: readonly string[]): number | undefined {
  if (word === undefined) return undefined;
  const typed = word === 'weds' ? 'wed' : word;
  if (typed.length < 3) return undefined;
  const index = names.findIndex((name) => name.startsWith(typed));
  return index < 0 ? undefined : index + 1;
}

/** "Monday 21 December 2026": how every reply states a date, so refusals say it the same way. */
export function dateInWords(date: DateTime, withYear = true): string {
  return date.setLocale('en-GB').toFormat(withYear ? 'cccc d MMMM yyyy' : 'cccc d MMMM');
}

// Local dates carry no time, so arithmetic is done in UTC where no clock ever changes.
function dayOf(date: LocalDate): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

function local(date: DateTime): LocalDate {
  return date.toFormat('yyyy-MM-dd');
}

/** Why year/month/day is no date, in words ("February 2026 has 28 days"); undefined if real. */
function calendarProblem(year: number | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  // Without a year, 29 February is allowed: it is a real date in leap years.
  const first = DateTime.utc(year ?? 2028, month, 1).setLocale('en-GB');
  const days = first.daysInMonth ?? 31;
  if (day < 1) return 'there is no day 0';
  if (day <= days) return undefined;
  const name = first.toFormat('MMMM');
  if (year === undefined) return `${name} has at most ${days} days`;
  return `${name}${month === 2 ? ` ${year}` : ''} has ${days} days`;
}

/**
 * A day and month with or without a year. Without one it is the next such date, today
 * included: an officer typing "2 Jan" on 30 December means the coming one. A date that lands
 * ten or eleven months ahead was probably meant in the past, but guessing which is worse than
 * taking the next occurrence, which the reply echoes in full for the person to check.
 */
function dayAndMonth(
  written: string,
  context: DateContext,
  day: number,
  month: number,
  year: number | undefined,
): DateReading {
  const problem = calendarProblem(year, month, day);
  if (problem) return { ok: false, message: `${written} isn't a real date: ${problem}.` };
  if (year !== undefined) return { ok: true, date: local(DateTime.utc(year, month, day)) };
  const today = dayOf(context.today);
  // 29 February may be up to eight years off (2096 to 2104); every other date within one.
  for (let next = today.year; next <= today.year + 8; next += 1) {
    const candidate = DateTime.utc(next, month, day);
    if (candidate.isValid && candidate.toMillis() >= today.toMillis())
      return { ok: true, date: local(candidate) };
  }
  return { ok: false, message: `${written} isn't a real date.` };
}

/** "friday": the next Friday after today, so on a Friday it means a week today. */
function comingWeekday(today: DateTime, weekday: number): DateTime {
  return today.plus({ days: (weekday - today.weekday + 7) % 7 || 7 });
}

/**
 * "next Tuesday" is the Tuesday of next week (weeks run Monday to Sunday). Said on a Wednesday
 * that is also the coming Tuesday, and everyone agrees. Said on a Monday, many Britons mean
 * tomorrow and as many mean the week after, so we refuse and name both rather than guess.
 */
function nextWeekday(written: string, today: DateTime, weekday: number): DateReading {
  const coming = comingWeekday(today, weekday);
  const nextWeek = today.startOf('week').plus({ weeks: 1, days: weekday - 1 });
  if (coming.equals(nextWeek)) return { ok: true, date: local(coming) };
  const sameYear = coming.year === nextWeek.year;
  return {
    ok: false,
    message: `${written} could be ${dateInWords(coming, !sameYear)} or ${dateInWords(nextWeek)}: write the date instead.`,
  };
}

/** Lower case, word processors' dashes as '-'. */
function normalised(value: string): string {
  return normaliseDashes(value.trim()).toLowerCase();
}

/** "21st Dec., 2026" and "21-Dec-2026" → "21st dec 2026", for the patterns written in words. */
function asWords(text: string): string {
  return text
    .replace(/[,.\-/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads one date as written in an option, e.g. `due:+10wd` or `due:21/12/2026`. `written` is
 * the option as the person typed it, so the refusal can quote it back.
 */
export function readDate(value: string, written: string, context: DateContext): DateReading {
  const text = normalised(value);
  if (text === 'today') return { ok: true, date: context.today };
  if (text === 'tomorrow') return { ok: true, date: plusDays(context.today, 1) };

  const workingDays = WORKING_DAYS.exec(text);
  if (workingDays) {
    const n = Number(workingDays[1]);
    if (n < 1) return { ok: false, message: `${written} must count at least 1 working day.` };
    if (n > MAX_WORKING_DAYS) {
      return {
        ok: false,
        message: `${written} is too far ahead; give a date within ${MAX_WORKING_DAYS} working days.`,
      };
    }
    return { ok: true, date: context.addWorkingDays(context.today, n) };
  }

  const iso = ISO.exec(text);
  if (iso) return dayAndMonth(written, context, Number(iso[3]), Number(iso[2]), Number(iso[1]));

  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst && !(dayFirst[2] === '-' && dayFirst[4] === undefined)) {
    const day = Number(dayFirst[1]);
    const month = Number(dayFirst[3]);
    const yearText = dayFirst[4];
    // Two-digit years are this century: nobody schedules scrutiny work for 1926.
    const year =
      yearText === undefined
        ? undefined
        : Number(yearText.length === 2 ? `20${yearText}` : yearText);
    if (month > 12 && day <= 12) {
      const sep = dayFirst[2] ?? '/';
      const swapped = [month, day, yearText].filter((part) => part !== undefined).join(sep);
      return {
        ok: false,
        message: `${written} has the month first, the US way, and there is no month ${month}. Write the day first: ${swapped}.`,
      };
    }
    return dayAndMonth(written, context, day, month, year);
  }

  return readWords(asWords(text), written, context);
}

function readWords(text: string, written: string, context: DateContext): DateReading {
  const unreadable: DateReading = {
    ok: false,
    message: `${written} isn't a date I can read. Use ${DATE_FORMS}.`,
  };
  const today = dayOf(context.today);

  const dayMonth = DAY_MONTH.exec(text);
  const month = nameNumber(dayMonth?.[3], MONTHS);
  if (dayMonth && month !== undefined) {
    const weekdayWord = dayMonth[1];
    const weekday = nameNumber(weekdayWord, WEEKDAYS);
    if (weekdayWord !== undefined && weekday === undefined) return unreadable;
    const year = dayMonth[4] === undefined ? undefined : Number(dayMonth[4]);
    const reading = dayAndMonth(written, context, Number(dayMonth[2]), month, year);
    // "Tuesday 21 December 2026" is a Monday: one half is a slip, and we can't tell which.
    if (reading.ok && weekday !== undefined && dayOf(reading.date).weekday !== weekday) {
      const date = dayOf(reading.date);
      return {
        ok: false,
        message: `${written} doesn't add up: ${date.setLocale('en-GB').toFormat('d MMMM yyyy')} is a ${date.setLocale('en-GB').toFormat('cccc')}. Write the date without the day, or check it.`,
      };
    }
    return reading;
  }

  const monthDay = MONTH_DAY.exec(text);
  const usMonth = nameNumber(monthDay?.[1], MONTHS);
  if (monthDay && usMonth !== undefined) {
    const monthName = DateTime.utc(2028, usMonth, 1).setLocale('en-GB').toFormat('MMMM');
    const dayFirst = [monthDay[2], monthName, monthDay[3]].filter(Boolean).join(' ');
    return {
      ok: false,
      message: `${written} has the month first; write the day first: ${dayFirst}.`,
    };
  }

  const next = NEXT_WEEKDAY.exec(text);
  const nextDay = nameNumber(next?.[1], WEEKDAYS);
  if (nextDay !== undefined) return nextWeekday(written, today, nextDay);

  const weekday = nameNumber(ONE_WORD.exec(text)?.[1], WEEKDAYS);
  if (weekday !== undefined) return { ok: true, date: local(comingWeekday(today, weekday)) };

  return unreadable;
}

/** Whether an option value and the words after it read as one date written with spaces. */
function isDateInWords(text: string): boolean {
  const words = asWords(normalised(text));
  const dayMonth = DAY_MONTH.exec(words);
  if (dayMonth && nameNumber(dayMonth[3], MONTHS) !== undefined) {
    return dayMonth[1] === undefined || nameNumber(dayMonth[1], WEEKDAYS) !== undefined;
  }
  const monthDay = MONTH_DAY.exec(words);
  if (monthDay && nameNumber(monthDay[1], MONTHS) !== undefined) return true;
  return nameNumber(NEXT_WEEKDAY.exec(words)?.[1], WEEKDAYS) !== undefined;
}

/**
 * `due:21 Dec 2026` and `due:next Tuesday` arrive as an option and loose words; this gives
 * the option the words that continue its date (up to three: "Monday 21 December 2026"), so
 * people need no quotes. Only words that make a date in words are taken, so a title or other
 * option after the date stays where it was.
 */
export function joinDateWords(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined) continue;
    if (token.kind !== 'option' || token.value === '') {
      out.push(token);
      continue;
    }
    let value = token.value;
    let taken = 0;
    const following: string[] = [];
    for (const next of tokens.slice(i + 1, i + 4)) {
      if (next.kind !== 'word') break;
      following.push(next.text);
      const joined = [token.value, ...following].join(' ');
      if (isDateInWords(joined)) {
        value = joined;
        taken = following.length;
      }
    }
    out.push({ ...token, value });
    i += taken;
  }
  return out;
}

/** A due date is for the future: one already past is almost always a mistyped year. */
export function readDueDate(value: string, written: string, context: DateContext): DateReading {
  const reading = readDate(value, written, context);
  if (reading.ok && compareLocalDates(reading.date, context.today) < 0) {
    return { ok: false, message: `${written} is in the past; a due date must be today or later.` };
  }
  return reading;
}
