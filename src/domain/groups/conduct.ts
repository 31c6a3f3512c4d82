/**
 * What happens when a member breaches the code of conduct, kept as data so a later issue can
 * walk the steps and record who was warned, who voted and the outcome (domain.md
 * "Code-of-conduct breaches"). Nothing here enforces the ladder.
 */

import type { BallotRules } from '../conduct/ballot-rules';

/** What sets a step off, in the documents' own terms. */
export const CONDUCT_TRIGGERS = [
  'code-of-conduct-breach',
  'confidentiality-breach',
  'terms-of-reference-breach',
  'aggressive-or-offensive-behaviour',
  'expectations-not-met',
  'tenancy-breach-or-disrepute',
] as const;
export type ConductTrigger = (typeof CONDUCT_TRIGGERS)[number];

export type ConductStep =
  /** Southampton Code of Conduct: "can be warned to leave the meeting by the facilitating officer". */
  | { kind: 'warned-to-leave-meeting'; by: 'facilitating-officer' }
  /** Southampton Code of Conduct: "two further warnings if they continue to breach". */
  | { kind: 'further-warnings'; count: number; by: 'facilitating-officer' }
  /**
   * Southampton Code of Conduct: "the meeting [votes] on whether the member should be asked to
   * leave" and "the members present can also vote [to bar them] from the group for a period".
   */
  | {
      kind: 'vote';
      voters: 'members-present';
      question: 'asked-to-leave' | 'barred-for-a-period';
    }
  /**
   * Trafford QIP ToR 12: "the Nominations Committee will consider and ensure the investigation
   * ... which can include removal of the individual from membership of the Panel".
   */
  | { kind: 'investigation'; by: string; mayRemoveFromMembership: boolean }
  /** Torus TIMS ToR Safeguards: tenancy breach or disrepute means suspension pending investigation. */
  | { kind: 'suspended-pending-investigation'; on: ConductTrigger[] }
  /**
   * Membership ends outright: Torus TIMS ToR ("will be asked to leave TIMS"), Sedgemoor ToR 11.1
   * ("will have their membership withdrawn").
   */
  | { kind: 'membership-ends'; on: ConductTrigger[] };

export interface ConductPolicy {
  /** One sentence an officer can read in chat, saying where the ladder comes from. */
  summary: string;
  /** In the order the document takes them. */
  steps: ConductStep[];
  /** How the group's ballots run; absent means DEFAULT_BALLOT_RULES. */
  ballots?: BallotRules;
}
