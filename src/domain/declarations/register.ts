import type { LocalDate } from '../calendar/local-date';
import type { DeclaredInterest } from '../shared/declarations';
import { DECLARATION_KINDS } from '../shared/declarations';
import { sameArea } from './areas';
import { reconfirmationDueOn } from './reconfirmation';

/**
 * The register of declarations for a group, one entry per person: a first-class record
 * (domain.md "Declarations of interest") that an officer or chair reads before assigning work.
 */
export interface RegisterEntry {
  personId: string;
  /** Current declarations, by kind in the standard order, then oldest first. */
  declarations: DeclaredInterest[];
  /** The latest of the person's declarations and confirmations. */
  lastConfirmedAt: Date;
  reconfirmationDueOn: LocalDate;
}

export interface RegisterOptions {
  /** Declarations the member has said no longer apply. */
  endedIds?: Iterable<string>;
  /** When each person last re-confirmed their declarations without changing them. */
  confirmedAt?: ReadonlyMap<string, Date>;
}

/**
 * Builds the group's register. A declaration made again (same kind, detail and area, e.g. at
 * the yearly re-confirmation) replaces the older copy; ended ones drop out. People are sorted
 * by id so the register reads the same every time.
 */
export function registerFor(
  groupId: string,
  declarations: readonly DeclaredInterest[],
  options: RegisterOptions = {},
): RegisterEntry[] {
  const ended = new Set(options.endedIds ?? []);
  const byPerson = new Map<string, DeclaredInterest[]>();
  for (const declaration of declarations) {
    if (declaration.groupId !== groupId || ended.has(declaration.id)) continue;
    const current = byPerson.get(declaration.personId) ?? [];
    const kept = current.filter((other) => !sameInterest(other, declaration));
    const older = current.find((other) => sameInterest(other, declaration));
    kept.push(older && older.declaredAt > declaration.declaredAt ? older : declaration);
    byPerson.set(declaration.personId, kept);
  }
  return [...byPerson.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personId, current]) => {
      const sorted = [...current].sort(byKindThenTime);
      const latestDeclared = Math.max(...sorted.map((d) => d.declaredAt.getTime()));
      const confirmed = options.confirmedAt?.get(personId)?.getTime() ?? 0;
      const lastConfirmedAt = new Date(Math.max(latestDeclared, confirmed));
      return {
        personId,
        declarations: sorted,
        lastConfirmedAt,
        reconfirmationDueOn: reconfirmationDueOn(lastConfirmedAt),
      };
    });
}

function sameInterest(a: DeclaredInterest, b: DeclaredInterest): boolean {
  const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  const areasMatch = (a.area === undefined && b.area === undefined) || sameArea(a.area, b.area);
  return a.kind === b.kind && norm(a.detail) === norm(b.detail) && areasMatch;
}

function byKindThenTime(a: DeclaredInterest, b: DeclaredInterest): number {
  const kinds = DECLARATION_KINDS.indexOf(a.kind) - DECLARATION_KINDS.indexOf(b.kind);
  if (kinds !== 0) return kinds;
  const time = a.declaredAt.getTime() - b.declaredAt.getTime();
  if (time !== 0) return time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
