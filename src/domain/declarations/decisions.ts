import type { DeclarationDecision, DeclaredInterest } from '../shared/declarations';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';

/**
 * What a declared interest means for the member's work, decided by the chair or an officer.
 * Sedgemoor ToR 9.2: "A declared interest may not preclude an individual from participating
 * ... but should be noted in the interests of transparency"; otherwise the member is excluded
 * from the named review or check.
 *
 * Decisions are a record, not a field to overwrite: each decision or revision yields a new
 * DecisionRecord for the append-only register, and the declaration carries the current one.
 */
export interface DecisionRecord {
  declarationId: string;
  decision: DeclarationDecision;
  decidedBy: string;
  decidedAt: Date;
  /** Present on a revision: why the earlier decision no longer stands. */
  reason?: string;
  /** Present on a revision: the decision it replaces, as it was made. */
  revises?: { decision: DeclarationDecision; decidedBy: string; decidedAt: Date };
}

export interface Decided {
  declaration: DeclaredInterest;
  record: DecisionRecord;
}

export interface DecisionMaker {
  decidedBy: string;
  decidedAt: Date;
}

/** The first decision on a declaration; refused once one has been made. */
export function decideDeclaration(
  declaration: DeclaredInterest,
  decision: DeclarationDecision,
  by: DecisionMaker,
): Result<Decided> {
  const refusals = decisionProblems(decision);
  if (declaration.decision)
    refusals.push({
      code: 'declarations.already-decided',
      message: `This declaration was already decided on by ${declaration.decision.decidedBy}; revise it with a reason instead.`,
    });
  return unlessRefused(refusals, () => recordDecision(declaration, decision, by));
}

/** A later decision replacing an earlier one; needs a reason, and the earlier one is kept. */
export function reviseDecision(
  declaration: DeclaredInterest,
  decision: DeclarationDecision,
  by: DecisionMaker & { reason: string },
): Result<Decided> {
  const refusals = decisionProblems(decision);
  const previous = declaration.decision;
  const reason = by.reason.trim();
  if (!previous)
    refusals.push({
      code: 'declarations.not-decided',
      message: 'This declaration has no decision to revise yet; make the first decision instead.',
    });
  if (reason === '')
    refusals.push({
      code: 'declarations.reason-required',
      message: 'Give a reason for changing the decision; the earlier one stays on the record.',
    });
  if (previous && sameDecision(previous, decision))
    refusals.push({
      code: 'declarations.decision-unchanged',
      message: 'That is the decision already recorded.',
    });
  return unlessRefused(refusals, () => {
    const decided = recordDecision(declaration, decision, by);
    if (!previous) return decided;
    const { decidedBy, decidedAt, ...earlier } = previous;
    return {
      declaration: decided.declaration,
      record: { ...decided.record, reason, revises: { decision: earlier, decidedBy, decidedAt } },
    };
  });
}

function decisionProblems(decision: DeclarationDecision): Refusal[] {
  if (decision.outcome === 'excluded' && decision.from.id.trim() === '')
    return [
      {
        code: 'declarations.target-required',
        message: `Name the ${decision.from.kind} the member is excluded from.`,
      },
    ];
  return [];
}

function recordDecision(
  declaration: DeclaredInterest,
  decision: DeclarationDecision,
  by: DecisionMaker,
): Decided {
  const current: DeclarationDecision =
    decision.outcome === 'excluded'
      ? { outcome: 'excluded', from: { kind: decision.from.kind, id: decision.from.id.trim() } }
      : { outcome: 'noted' };
  return {
    declaration: {
      ...declaration,
      decision: { ...current, decidedBy: by.decidedBy, decidedAt: by.decidedAt },
    },
    record: {
      declarationId: declaration.id,
      decision: current,
      decidedBy: by.decidedBy,
      decidedAt: by.decidedAt,
    },
  };
}

function sameDecision(a: DeclarationDecision, b: DeclarationDecision): boolean {
  if (a.outcome === 'noted' || b.outcome === 'noted') return a.outcome === b.outcome;
  return a.from.kind === b.from.kind && a.from.id === b.from.id.trim();
}
