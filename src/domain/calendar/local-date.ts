import { z } from 'zod';

/**
 * A day on the landlord's wall calendar, 'YYYY-MM-DD', with no time or zone. Deadlines are
 * counted in these because the documents count days, not hours; arithmetic here is done on
 * whole UTC days so it never meets a clock change.
 */
export type LocalDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(date: LocalDate): { year: number; month: number; day: number } | undefined {
  const match = SHAPE.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February into March; a real date survives the round trip.
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1) return undefined;
  if (probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function isLocalDate(value: string): boolean {
  return parts(value) !== undefined;
}

/** For input at the edges (chat, config); inside the domain a bad date is a programming error. */
export const localDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'Use a real date written as YYYY-MM-DD, e.g. 2026-03-03.' });

function partsOrThrow(date: LocalDate): { year: number; month: number; day: number } {
  const p = parts(date);
  if (!p) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  return p;
}

export function assertLocalDate(date: LocalDate): void {
  partsOrThrow(date);
}

/** Days since 1970-01-01; whole numbers make day steps and comparisons cheap in hot loops. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = partsOrThrow(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): LocalDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 1 = Monday ... 7 = Sunday (ISO), matching luxon. 1970-01-01 was a Thursday. */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function yearOf(date: LocalDate): number {
  return partsOrThrow(date).year;
}

export function plusDays(date: LocalDate, days: number): LocalDate {
  assertWhole(days, 'days');
  return fromEpochDay(toEpochDay(date) + days);
}

/** Month ends clamp (31 August + 6 months = 28 or 29 February), as people read "6 months". */
export function plusMonths(date: LocalDate, months: number): LocalDate {
  assertWhole(months, 'months');
  const { year, month, day } = partsOrThrow(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const clamped = Math.min(day, lastDay);
  return fromEpochDay(Date.UTC(targetYear, targetMonth, clamped) / MS_PER_DAY);
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

export function assertWhole(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}
