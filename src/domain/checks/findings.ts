import type { Refusal } from '../shared/result';
import type { Findings } from './reality-check';

const LIST_LABELS = {
  strengths: 'Strength',
  weaknesses: 'Weakness',
  recommendations: 'Recommendation',
} as const;

/**
 * Findings are lists of short texts (Torus TIMS feedback reports: strengths, weaknesses and
 * areas for improvement). Evidence must be an https link so it points at the landlord's own
 * secure storage rather than an attachment copied into chat or an insecure address.
 */
export function validateFindings(findings: Findings): Refusal[] {
  const refusals: Refusal[] = [];
  for (const list of Object.keys(LIST_LABELS) as Array<keyof typeof LIST_LABELS>) {
    findings[list].forEach((item, i) => {
      if (item.trim() === '')
        refusals.push({
          code: 'check.finding-blank',
          message: `${LIST_LABELS[list]} ${i + 1} is empty; remove it or write it out.`,
          field: list,
        });
    });
  }
  const said = [...findings.strengths, ...findings.weaknesses, ...findings.recommendations];
  if (said.every((item) => item.trim() === ''))
    refusals.push({
      code: 'check.findings-empty',
      message: 'Please give at least one strength, weakness or recommendation.',
      field: 'strengths',
    });
  findings.evidence.forEach((link, i) => {
    if (!isHttpsUrl(link))
      refusals.push({
        code: 'check.evidence-not-https',
        message: `Evidence link ${i + 1} must be a full https:// address, not "${link}".`,
        field: 'evidenceLinks',
      });
  });
  return refusals;
}

export function isHttpsUrl(link: string): boolean {
  try {
    const url = new URL(link.trim());
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Trims every item so stored findings read cleanly in reports. */
export function tidyFindings(findings: Findings): Findings {
  return {
    strengths: findings.strengths.map((s) => s.trim()),
    weaknesses: findings.weaknesses.map((s) => s.trim()),
    recommendations: findings.recommendations.map((s) => s.trim()),
    evidence: findings.evidence.map((s) => s.trim()),
  };
}
