import type { ServiceStandard, TargetUnit } from './service-standard';

/**
 * "Review topics come from low performance" (Trafford: "service identified from lower
 * performance"; Sedgemoor: "performance against key indicators"). A standard whose latest
 * figure misses its target is a candidate for scrutiny, e.g. Torus Liverpool lift inspections
 * at 59.82% against an aim of 95%.
 */

export type TargetComparison =
  | { status: 'met'; margin: number; unit: TargetUnit }
  | { status: 'missed'; shortfall: number; unit: TargetUnit }
  | { status: 'no-target' }
  | { status: 'no-figure' }
  /** The figure is in another unit, e.g. "100% within target" against "10 working days". */
  | { status: 'not-comparable'; targetUnit: TargetUnit; figureUnit: TargetUnit };

function decimalPlaces(n: number): number {
  const [, fraction = ''] = String(n).split('.');
  return fraction.length;
}

/** a - b without binary float noise (95 - 59.82 is 35.18, not 35.180000000000007). */
function difference(a: number, b: number): number {
  return Number((a - b).toFixed(Math.max(decimalPlaces(a), decimalPlaces(b))));
}

export function compareWithTarget(standard: ServiceStandard): TargetComparison {
  const { target, latest } = standard;
  if (target === undefined) return { status: 'no-target' };
  if (latest === undefined) return { status: 'no-figure' };
  const figureUnit = latest.unit ?? target.unit;
  if (figureUnit !== target.unit) {
    return { status: 'not-comparable', targetUnit: target.unit, figureUnit };
  }
  const gap =
    target.direction === 'at-least'
      ? difference(target.value, latest.value)
      : difference(latest.value, target.value);
  return gap > 0
    ? { status: 'missed', shortfall: gap, unit: target.unit }
    : { status: 'met', margin: -gap, unit: target.unit };
}

/** True only when the latest figure, in the target's unit, is on the wrong side of it. */
export function isScrutinyCandidate(standard: ServiceStandard): boolean {
  return compareWithTarget(standard).status === 'missed';
}

export interface ScrutinyCandidate {
  standard: ServiceStandard;
  /** How far the figure is from the target, in the target's unit (always positive). */
  shortfall: number;
  unit: TargetUnit;
  /** The shortfall as a share of the target, so candidates in different units can be ranked. */
  relativeShortfall: number;
}

/** Every standard that misses its target, worst first (by shortfall relative to the target). */
export function listScrutinyCandidates(standards: readonly ServiceStandard[]): ScrutinyCandidate[] {
  const candidates: ScrutinyCandidate[] = [];
  for (const standard of standards) {
    const comparison = compareWithTarget(standard);
    if (comparison.status !== 'missed' || standard.target === undefined) continue;
    const targetValue = standard.target.value;
    candidates.push({
      standard,
      shortfall: comparison.shortfall,
      unit: comparison.unit,
      relativeShortfall: targetValue === 0 ? Infinity : comparison.shortfall / targetValue,
    });
  }
  // Stable sort keeps document order between equally bad standards.
  return candidates.sort((a, b) => b.relativeShortfall - a.relativeShortfall);
}
