import type Holidays from 'date-holidays';
import type { LocalDate } from './local-date';
import type { Region } from './regions';
import { HOLIDAY_STATE } from './regions';

export interface BankHoliday {
  date: LocalDate;
  name: string;
  /** A weekday off in place of a holiday that fell on a weekend (e.g. 27 December 2021). */
  substitute: boolean;
}

interface YearOfHolidays {
  list: readonly BankHoliday[];
  dates: ReadonlySet<LocalDate>;
}

/*
 * date-holidays returns 'public' days (the bank holidays, substitutes flagged) and
 * 'observance' days such as Mother's Day that are normal working days; only the former
 * close offices. 'bank' is kept too in case a future release reclassifies some.
 */
const DAYS_OFF = new Set(['public', 'bank']);

const lookups = new Map<Region, Holidays>();
const byRegionAndYear = new Map<string, YearOfHolidays>();

function lookupFor(region: Region): Holidays {
  let lookup = lookups.get(region);
  if (!lookup) {
    // Required with the first date worked out, not at start: its tables (astronomia among them)
    // are about 15 MB that an idle bot, or one whose deadlines nobody is touching, never needs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const library = require('date-holidays') as typeof Holidays | { default: typeof Holidays };
    const Library = typeof library === 'function' ? library : library.default;
    lookup = new Library('GB', HOLIDAY_STATE[region]);
    lookups.set(region, lookup);
  }
  return lookup;
}

/** Cached per region and year: working-day loops ask about the same year thousands of times. */
export function holidaysOf(region: Region, year: number): YearOfHolidays {
  const key = `${region}:${year}`;
  const cached = byRegionAndYear.get(key);
  if (cached) return cached;
  const list: BankHoliday[] = lookupFor(region)
    .getHolidays(year)
    .filter((h) => DAYS_OFF.has(h.type))
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name, substitute: h.substitute === true }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const entry: YearOfHolidays = {
    list: Object.freeze(list.map((h) => Object.freeze(h))),
    dates: new Set(list.map((h) => h.date)),
  };
  byRegionAndYear.set(key, entry);
  return entry;
}
