/**
 * What a rule or a use-case answers: a value, or every reason it refuses. Refusals carry a
 * stable code (for tests and channels) and a sentence a tenant or officer can read in chat.
 */
export interface Refusal {
  code: string;
  message: string;
  /** The form field the refusal is about, so a form can show it beside that field. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; refusals: Refusal[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refuse<T = never>(code: string, message: string): Result<T> {
  return { ok: false, refusals: [{ code, message }] };
}

/** Refuses with all the reasons given, or succeeds with the value when there are none. */
export function unlessRefused<T>(refusals: readonly Refusal[], value: () => T): Result<T> {
  return refusals.length > 0
    ? { ok: false, refusals: [...refusals] }
    : { ok: true, value: value() };
}
