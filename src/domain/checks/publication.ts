import type { CheckKind } from './check-kinds';
import { CHECK_KIND_LABELS } from './check-kinds';
import { checklistFor } from './checklists';
import { blindText as blindFindingsText } from './blinding';
import type { RealityCheck, Submission } from './reality-check';

/**
 * Published outputs are blinded. Southampton Tenant Inspectors: information shared must be
 * "'blinded' and anonymous so that identities are protected"; Trafford: "any information about
 * members of staff or customers' personal identities or circumstances will not be shared".
 * Torus TIMS publish outcomes as "you said, we did". So the public summary carries no member,
 * reviewer or staff ids, no evidence links (photos and documents can identify people), no
 * free-text checklist answers, and findings text with known names, emails and phone numbers
 * removed. Only findings an officer has reviewed are published.
 */

export type PublishedAnswerSummary =
  | { questionId: string; question: string; answer: 'yes-no'; yes: number; no: number }
  | {
      questionId: string;
      question: string;
      answer: 'rating' | 'number';
      responses: number;
      average: number;
    };

export interface PublishedFindings {
  kind: CheckKind;
  title: string;
  standardKey?: string;
  area?: string;
  dueOn: string;
  /** How many inspectors' reviewed findings are summarised (a count, never who). */
  inspectorCount: number;
  strengths: string[];
  weaknesses: string[];
  recommendations: string[];
  evidenceCount: number;
  answers: PublishedAnswerSummary[];
}

export interface BlindingOptions {
  /** Names of members, staff and customers the app knows, to be removed from findings text. */
  namesToRedact: readonly string[];
}

/**
 * One blinding for everything that leaves the panel (blinding.ts): names, postcodes, addresses,
 * emails and phone numbers, so a published report hides what the channel and the standards card
 * hide.
 */
export function blindText(text: string, namesToRedact: readonly string[]): string {
  return blindFindingsText(text, namesToRedact).text;
}

/** Same point made by two inspectors is published once. */
function uniqueBlinded(items: string[], names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const blinded = blindText(item, names);
    const key = blinded.toLowerCase().replace(/\s+/g, ' ').trim();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(blinded);
  }
  return out;
}

function roundTo2(n: number): number {
  return Math.round(n * 100) / 100;
}

function summariseAnswers(
  check: RealityCheck,
  submissions: Submission[],
): PublishedAnswerSummary[] {
  const summaries: PublishedAnswerSummary[] = [];
  for (const q of checklistFor(check.kind).questions) {
    const given = submissions.map((s) => s.answers[q.id]).filter((a) => a !== undefined);
    if (q.answer === 'yes-no') {
      const yes = given.filter((a) => a === true).length;
      const no = given.filter((a) => a === false).length;
      if (yes + no > 0)
        summaries.push({ questionId: q.id, question: q.text, answer: 'yes-no', yes, no });
    } else if (q.answer === 'rating' || q.answer === 'number') {
      const numbers = given.filter((a): a is number => typeof a === 'number');
      if (numbers.length > 0)
        summaries.push({
          questionId: q.id,
          question: q.text,
          answer: q.answer,
          responses: numbers.length,
          average: roundTo2(numbers.reduce((sum, n) => sum + n, 0) / numbers.length),
        });
    }
    // Free-text answers are left out: they are where names and circumstances get written.
  }
  return summaries;
}

/** The blinded public summary of a check's reviewed findings. */
export function summariseFindingsForPublication(
  check: RealityCheck,
  options: BlindingOptions,
): PublishedFindings {
  const submissions = check.assignments.flatMap((a) =>
    a.status === 'reviewed' ? [a.submission] : [],
  );
  const names = options.namesToRedact;
  const summary: PublishedFindings = {
    kind: check.kind,
    title: CHECK_KIND_LABELS[check.kind],
    dueOn: check.dueOn,
    inspectorCount: submissions.length,
    strengths: uniqueBlinded(
      submissions.flatMap((s) => s.findings.strengths),
      names,
    ),
    weaknesses: uniqueBlinded(
      submissions.flatMap((s) => s.findings.weaknesses),
      names,
    ),
    recommendations: uniqueBlinded(
      submissions.flatMap((s) => s.findings.recommendations),
      names,
    ),
    evidenceCount: submissions.reduce((n, s) => n + s.findings.evidence.length, 0),
    answers: summariseAnswers(check, submissions),
  };
  if (check.standardKey !== undefined) summary.standardKey = check.standardKey;
  if (check.area !== undefined) summary.area = check.area;
  return summary;
}
