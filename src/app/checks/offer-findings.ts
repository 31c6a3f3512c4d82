/**
 * Each offer's verdict and evidence as the findings form sends them: `offer.<key>` and
 * `offerEvidence.<key>` beside the checklist's answers. Only the offers the check verifies are
 * read; an offer left unanswered is passed on without a verdict so the use-case names it (the
 * domain lists every gap at once), and the use-case's zod schema has the last word on values.
 */
export function offerFindingsOf(
  offerKeys: readonly string[],
  raw: Readonly<Record<string, unknown>>,
): Array<{ offerKey: string; verdict: string; evidence: string }> {
  return offerKeys.flatMap((offerKey) => {
    const verdict = raw[`offer.${offerKey}`];
    const evidence = raw[`offerEvidence.${offerKey}`];
    if (typeof verdict !== 'string' || verdict.trim() === '') return [];
    return [
      {
        offerKey,
        verdict: verdict.trim(),
        evidence: typeof evidence === 'string' ? evidence : '',
      },
    ];
  });
}
