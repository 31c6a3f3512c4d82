import type { Refusal } from '../shared/result';

/**
 * A check can verify local offers (Torus Liverpool local offers: "to be verified by tenant
 * inspectors, inspection planned for <month>"). Each inspector's findings say of each offer the
 * check verifies whether it was verified, partly or not, with the evidence in a sentence.
 */

/**
 * A check verifies a handful of offers: one visit cannot test forty promises, and the findings
 * form carries two inputs per offer, so this keeps it within what Teams and Slack show.
 */
export const MAX_OFFERS_PER_CHECK = 10;

export const OFFER_VERDICTS = ['verified', 'partly', 'not-verified'] as const;
export type OfferVerdict = (typeof OFFER_VERDICTS)[number];

export const OFFER_VERDICT_LABELS: Record<OfferVerdict, string> = {
  verified: 'verified',
  partly: 'partly verified',
  'not-verified': 'not verified',
};

export interface OfferFinding {
  offerKey: string;
  verdict: OfferVerdict;
  /** One sentence: what the inspector saw or heard that bears it out. */
  evidence: string;
}

export const MAX_OFFER_EVIDENCE = 1000;

/** The offer keys an officer gave, duplicates dropped, or why they cannot be used. */
export function checkOfferKeys(keys: readonly string[]): { keys: string[]; refusals: Refusal[] } {
  const unique = [...new Set(keys)];
  const refusals: Refusal[] = [];
  if (unique.length > MAX_OFFERS_PER_CHECK)
    refusals.push({
      code: 'check.too-many-offers',
      message: `A check can verify at most ${MAX_OFFERS_PER_CHECK} local offers; ${unique.length} were given. Split them over more than one check.`,
    });
  return { keys: unique, refusals };
}

/**
 * Every offer the check verifies needs a verdict and its evidence, and nothing else may be
 * answered; every gap is listed at once.
 */
export function validateOfferFindings(
  offerKeys: readonly string[],
  findings: readonly OfferFinding[],
): Refusal[] {
  const refusals: Refusal[] = [];
  const given = new Map(findings.map((f) => [f.offerKey, f]));
  for (const key of offerKeys) {
    const finding = given.get(key);
    if (!finding)
      refusals.push({
        code: 'check.offer-verdict-missing',
        message: `Say whether the offer ${key} was verified, partly verified or not verified.`,
        field: `offer.${key}`,
      });
    else if (finding.evidence.trim() === '')
      refusals.push({
        code: 'check.offer-evidence-missing',
        message: `Give the evidence for ${key} in a sentence: what you saw or heard.`,
        field: `offerEvidence.${key}`,
      });
  }
  for (const finding of findings)
    if (!offerKeys.includes(finding.offerKey))
      refusals.push({
        code: 'check.offer-not-on-check',
        message: `This check does not verify the offer ${finding.offerKey}.`,
      });
  return refusals;
}

const RANK: Record<OfferVerdict, number> = { verified: 0, partly: 1, 'not-verified': 2 };

/**
 * Several inspectors' verdicts on one offer as the check's: the most cautious. An offer one
 * inspector found only partly kept is not verified because another found it kept.
 */
export function combinedVerdict(verdicts: readonly OfferVerdict[]): OfferVerdict | undefined {
  let worst: OfferVerdict | undefined;
  for (const v of verdicts) if (worst === undefined || RANK[v] > RANK[worst]) worst = v;
  return worst;
}
