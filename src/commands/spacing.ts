/**
 * Chat clients pad text in ways people cannot see: Teams sends non-breaking spaces (as the
 * character or as a literal `&nbsp;`), phones insert zero-width joiners, and a pasted line may
 * carry tabs or newlines. All of it counts as one ordinary space.
 */
const LITERAL_NBSP = /&nbsp;/gi;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// JavaScript's \s already covers U+00A0, U+2000–U+200A, U+202F, U+205F and U+3000.
const ANY_SPACE_RUN = /\s+/g;

export function normaliseSpacing(text: string): string {
  return text.replace(LITERAL_NBSP, ' ').replace(ZERO_WIDTH, '').replace(ANY_SPACE_RUN, ' ').trim();
}

// Word processors and phones turn hyphens into these; in an option value they mean '-'.
const DASH_LIKE = /[\u2010-\u2015\u2212]/g;

/** For option values that are codes (roles, dates, references), not for free text. */
export function normaliseDashes(text: string): string {
  return text.replace(DASH_LIKE, '-');
}
