import type { LocalDate } from '../calendar/local-date';
import type { Role } from '../shared/people';

/** Where a membership stands; only an active (or lapsed bar) membership can take part. */
export type MembershipStatus =
  | { kind: 'active' }
  | { kind: 'suspended'; reason: string; since: LocalDate }
  | { kind: 'withdrawn'; reason: string; on: LocalDate }
  /** Southampton Code of Conduct: members present may vote to bar "for a period of time". */
  | { kind: 'barred'; until: LocalDate; reason: string };

/** One person's place in one group (roles are per group, domain.md "People"). */
export interface MembershipFacts {
  roles: Role[];
  trainingDoneOn?: LocalDate;
  codeOfConductSignedOn?: LocalDate;
  confidentialitySignedOn?: LocalDate;
  termStartsOn?: LocalDate;
  /** The last day of the term, inclusive (see termEndFor). */
  termEndsOn?: LocalDate;
  status: MembershipStatus;
}
