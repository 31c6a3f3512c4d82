import { normaliseDashes } from './spacing';

/**
 * Short codes people type for things the bot numbered: R-12 a review, C-40 a check, E-7 an
 * evidence request. Numbers lose leading zeros so "r-012" and "R-12" are the same review.
 */
export type ReferencePrefix = 'R' | 'C' | 'E';

export function readReference(text: string, prefix: ReferencePrefix): string | undefined {
  const match = /^([A-Za-z])-?(\d{1,9})$/.exec(normaliseDashes(text.trim()));
  if (!match || match[1]?.toUpperCase() !== prefix) return undefined;
  const number = Number(match[2]);
  return number > 0 ? `${prefix}-${number}` : undefined;
}

// The same slug rule the standards import enforces on a standard's key.
const STANDARD_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A service standard is pointed at by its key, e.g. `repairs-emergency-24h`; case is ignored. */
export function readStandardKey(text: string): string | undefined {
  const key = normaliseDashes(text.trim()).toLowerCase();
  return STANDARD_KEY.test(key) ? key : undefined;
}
