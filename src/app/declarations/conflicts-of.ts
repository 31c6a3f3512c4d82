import type { ConflictTarget } from '../../domain/declarations';
import { conflictsFor } from '../../domain/declarations';
import type { DeclaredInterest } from '../../domain/shared/declarations';
import type { Refusal } from '../../domain/shared/result';
import type { DeclarationRecord } from '../../store/declarations/declaration-model';
import { DeclarationRegister } from '../../store/declarations/declaration-register';
import type { AppContext } from '../shared/context';
import { personFactsOf } from '../people/standing';
import { PersonBook } from '../../store/people/person-book';

export function declaredInterestOf(record: DeclarationRecord): DeclaredInterest {
  const decision = record.decision;
  return {
    id: record._id,
    personId: record.personId,
    groupId: record.groupId,
    kind: record.kind,
    detail: record.detail,
    area: record.area,
    declaredAt: record.declaredAt,
    decision:
      decision === undefined
        ? undefined
        : decision.outcome === 'excluded' && decision.from
          ? {
              outcome: 'excluded',
              from: decision.from,
              decidedBy: decision.decidedBy,
              decidedAt: decision.decidedAt,
            }
          : { outcome: 'noted', decidedBy: decision.decidedBy, decidedAt: decision.decidedAt },
  };
}

/**
 * Why this member may not work on the target because of what they declared or where they
 * live; empty when nothing stands in the way. Ended declarations no longer count.
 */
export async function conflictsOf(
  ctx: AppContext,
  input: { organisationId: string; groupId: string; personId: string; target: ConflictTarget },
): Promise<Refusal[]> {
  const [records, person] = await Promise.all([
    new DeclarationRegister(ctx.db).standingFor(input.groupId, input.personId),
    new PersonBook(ctx.db).inOrganisation(input.organisationId, input.personId),
  ]);
  const homeArea = person ? personFactsOf(person).homeArea : undefined;
  return conflictsFor(records.map(declaredInterestOf), homeArea, input.target);
}
