import type { DeclaredInterest } from '../shared/declarations';
import type { Area } from '../shared/people';
import type { Refusal } from '../shared/result';
import { sameArea } from './areas';
import { DECLARATION_KIND_LABELS } from './kind-labels';

/** What a member is about to be given: a review, a check, and where it happens. */
export interface ConflictTarget {
  reviewId?: string;
  checkId?: string;
  area?: Area;
}

/**
 * Why one member may not work on the target, from their own declarations and home area; empty
 * when nothing stands in the way. Reality-check assignment passes these on as conflicts.
 * Pass only the one member's declarations.
 */
export function conflictsFor(
  declarations: readonly DeclaredInterest[],
  homeArea: Area | undefined,
  target: ConflictTarget,
): Refusal[] {
  const refusals: Refusal[] = [];

  // A decision that excludes the member from this review or check (the chair or officer made
  // it under the declarations process; Sedgemoor ToR 9.1 "promptly advise the Chair").
  for (const declaration of declarations) {
    const decision = declaration.decision;
    if (decision?.outcome !== 'excluded') continue;
    const { kind, id } = decision.from;
    const hit =
      (kind === 'review' && id === target.reviewId) || (kind === 'check' && id === target.checkId);
    if (hit)
      refusals.push({
        code: 'declarations.excluded',
        message: `Because of your declared interest (${DECLARATION_KIND_LABELS[declaration.kind]}: ${declaration.detail}), you were excluded from this ${kind}.`,
      });
  }

  // Southampton Code of Conduct: "Not audit or inspect parts of the service that have a
  // specific or particular link to you and your local area". This holds whatever was decided.
  const ownAreas = declarations.filter(
    (declaration) =>
      declaration.kind === 'own-block-or-area' && sameArea(declaration.area, target.area),
  );
  const declared = ownAreas[0];
  if (declared)
    refusals.push({
      code: 'declarations.own-area',
      message: `You declared ${declared.area ?? ''} as your own area, so you cannot inspect there.`,
    });
  else if (sameArea(homeArea, target.area))
    refusals.push({
      code: 'declarations.home-area',
      message: `You live in ${homeArea ?? ''}, so you cannot inspect there.`,
    });

  return refusals;
}
