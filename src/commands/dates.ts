import type { LocalDate } from '../domain/calendar/local-date';
import { compareLocalDates, isLocalDate, plusDays } from '../domain/calendar/local-date';
import { normaliseDashes } from './spacing';

/** What the parser needs to turn "today" and "+10 wd" into dates; the app supplies both. */
export interface DateContext {
  today: LocalDate;
  /** The group's working-day calendar (weekends and bank holidays skipped). */
  addWorkingDays: (from: LocalDate, n: number) => LocalDate;
}

export type DateReading = { ok: true; date: LocalDate } | { ok: false; message: string };

// Roughly a year of working days: further out is almost certainly a typo for something else.
export const MAX_WORKING_DAYS = 260;

const ISO_SHAPE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const WORKING_DAYS = /^\+?(\d+)\s*wds?$/i;
// 3/3/2026 or 03.03.2026: UK readers mean day first, so that is what we suggest.
const UK_NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

export const DATE_FORMS = 'YYYY-MM-DD (e.g. 2026-03-03), today, tomorrow or +N wd for working days';

/**
 * Reads one date as written in an option, e.g. `due:+10wd`. `written` is the option as the
 * person typed it, so the refusal can quote it back.
 */
export function readDate(value: string, written: string, context: DateContext): DateReading {
  const text = normaliseDashes(value.trim()).toLowerCase();
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

  if (ISO_SHAPE.test(text)) {
    const padded = padIso(text);
    if (isLocalDate(padded)) return { ok: true, date: padded };
    return { ok: false, message: `${written} isn't a real date.` };
  }

  const uk = UK_NUMERIC.exec(text);
  if (uk) {
    const guess = padIso(`${uk[3]}-${uk[2]}-${uk[1]}`);
    if (isLocalDate(guess)) {
      return {
        ok: false,
        message: `${written} isn't a date I can read. Did you mean ${guess}? Dates are written YYYY-MM-DD.`,
      };
    }
  }
  return { ok: false, message: `${written} isn't a date I can read. Use ${DATE_FORMS}.` };
}

/** 2026-3-3 → 2026-03-03: the shape is unambiguous, so there is no reason to refuse it. */
function padIso(text: string): string {
  const [year = '', month = '', day = ''] = text.split('-');
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A due date is for the future: one already past is almost always a mistyped year. */
export function readDueDate(value: string, written: string, context: DateContext): DateReading {
  const reading = readDate(value, written, context);
  if (reading.ok && compareLocalDates(reading.date, context.today) < 0) {
    return { ok: false, message: `${written} is in the past; a due date must be today or later.` };
  }
  return reading;
}
