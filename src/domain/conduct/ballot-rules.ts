import type { Role } from '../shared/people';
import type { Refusal } from '../shared/result';

/**
 * How a group's ballots run, from its policy. None of the seed documents states a majority, a
 * tie rule or secrecy, so the defaults are the cautious ones (domain.md "Code-of-conduct
 * breaches"): a simple majority of votes cast, a tie means no action, secret, results hidden
 * until the ballot closes, and a vote cannot be changed once cast.
 */
export interface BallotRules {
  /** Votes that must be cast (abstentions count) for a decision; absent means none. */
  quorum?: number;
  majority: 'simple' | 'two-thirds';
  /** A tie means no action, unless the chair has a casting vote. */
  tie: 'no-action' | 'chair-casting-vote';
  /** Records keep who voted but not how; only counts are ever shown. */
  secret: boolean;
  /** Counts shown while the ballot is open. */
  showLiveCount: boolean;
  /** A voter may change their vote until the ballot closes (never for a secret ballot). */
  changeable: boolean;
  /** How long a ballot stays open unless everyone eligible votes first. */
  openMinutes: number;
}

export const DEFAULT_BALLOT_RULES: BallotRules = {
  majority: 'simple',
  tie: 'no-action',
  secret: true,
  showLiveCount: false,
  changeable: false,
  openMinutes: 30,
};

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

export type BallotOutcome =
  | { result: 'carried' | 'not-carried'; tally: Tally; byCastingVote?: boolean }
  | { result: 'tie-no-action'; tally: Tally }
  | { result: 'no-quorum'; tally: Tally; needed: number };

/**
 * Who may vote: the members recorded present, except the member the ballot is about and anyone
 * with a declared conflict about them (domain.md: "eligible voters are the members present,
 * minus the subject and anyone conflicted").
 */
export function eligibleVoters(
  present: readonly string[],
  subjectId: string,
  conflicted: readonly string[],
): string[] {
  const out = new Set(conflicted);
  out.add(subjectId);
  return [...new Set(present)].filter((id) => !out.has(id)).sort();
}

/** One person recorded present, as the voting rules see them. */
export interface PresentPerson {
  personId: string;
  /** Their roles in the group. */
  roles: readonly Role[];
  /** Why they may not take part today (check-take-part: barred, suspended, untrained, ...). */
  cannotTakePart: readonly Refusal[];
  /** They declared an interest that names the member the ballot is about. */
  declaredInterestInSubject: boolean;
}

export type NotEligibleReason =
  'subject' | 'declared-interest' | 'cannot-take-part' | 'not-a-member';

/** Roles whose holders are members of the group rather than people who facilitate or oversee it. */
const MEMBER_ROLES: readonly Role[] = ['member', 'chair', 'vice-chair'];
/** Roles that disqualify whatever else the person holds: the vote is the members' own. */
const NON_MEMBER_ROLES: readonly Role[] = ['officer', 'staff'];

/**
 * Who may vote, and why each other person present may not. Southampton Code of Conduct: "the
 * members present can also vote"; the facilitating officer and staff are present but are not
 * members, so they do not vote (a person holding a member role and the officer or staff role is
 * left out too). The member concerned and anyone who declared an interest about them are left
 * out (domain.md "Code-of-conduct breaches"), and so is anyone who may not take part today
 * (domain.md "Joining versus taking part": "Taking part in an inspection, review or vote needs
 * ... not suspended or barred").
 */
export function whoMayVote(
  present: readonly PresentPerson[],
  subjectId: string,
  conflicted: readonly string[] = [],
): { eligible: string[]; notEligible: Array<{ personId: string; reasons: NotEligibleReason[] }> } {
  const named = new Set(conflicted);
  const seen = new Set<string>();
  const eligible: string[] = [];
  const notEligible: Array<{ personId: string; reasons: NotEligibleReason[] }> = [];
  for (const person of present) {
    if (seen.has(person.personId)) continue;
    seen.add(person.personId);
    const reasons: NotEligibleReason[] = [];
    if (person.personId === subjectId) reasons.push('subject');
    if (person.declaredInterestInSubject || named.has(person.personId))
      reasons.push('declared-interest');
    if (
      !person.roles.some((role) => MEMBER_ROLES.includes(role)) ||
      person.roles.some((role) => NON_MEMBER_ROLES.includes(role))
    )
      reasons.push('not-a-member');
    if (person.cannotTakePart.length > 0) reasons.push('cannot-take-part');
    if (reasons.length === 0) eligible.push(person.personId);
    else notEligible.push({ personId: person.personId, reasons });
  }
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    eligible: eligible.sort(byId),
    notEligible: notEligible.sort((a, b) => byId(a.personId, b.personId)),
  };
}

/** The result once the ballot closes. `castingVote` is the chair's, used only to break a tie. */
export function decideBallot(
  tally: Tally,
  rules: BallotRules,
  castingVote?: Exclude<Choice, 'abstain'>,
): BallotOutcome {
  const cast = tally.yes + tally.no + tally.abstain;
  if (rules.quorum !== undefined && cast < rules.quorum)
    return { result: 'no-quorum', tally, needed: rules.quorum };
  if (rules.majority === 'two-thirds') {
    const decided = tally.yes + tally.no;
    return {
      result: decided > 0 && tally.yes * 3 >= decided * 2 ? 'carried' : 'not-carried',
      tally,
    };
  }
  if (tally.yes > tally.no) return { result: 'carried', tally };
  if (tally.no > tally.yes) return { result: 'not-carried', tally };
  if (rules.tie === 'chair-casting-vote' && castingVote)
    return {
      result: castingVote === 'yes' ? 'carried' : 'not-carried',
      tally,
      byCastingVote: true,
    };
  return { result: 'tie-no-action', tally };
}

/** A ballot closes at its time, or as soon as everyone eligible has voted. */
export function ballotShouldClose(
  now: Date,
  closesAt: Date,
  votesCast: number,
  eligibleCount: number,
): boolean {
  return now >= closesAt || votesCast >= eligibleCount;
}
