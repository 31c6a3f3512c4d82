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
