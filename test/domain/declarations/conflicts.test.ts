import { conflictsFor } from '../../../src/domain/declarations';
import { declaration, DECIDED_AT } from './fixtures';

const excludedFrom = (kind: 'review' | 'check', id: string) => ({
  outcome: 'excluded' as const,
  from: { kind, id },
  decidedBy: 'chair-1',
  decidedAt: DECIDED_AT,
});

describe('Conflicts with a review or check', () => {
  it('no declarations and a different area: nothing in the way', () => {
    expect(conflictsFor([], 'Weston', { checkId: 'check-1', area: 'Bitterne' })).toEqual([]);
  });

  it('Southampton Code of Conduct: never inspect your own declared block or area', () => {
    const own = declaration({ kind: 'own-block-or-area', detail: 'My block', area: 'Weston' });
    expect(conflictsFor([own], undefined, { checkId: 'check-1', area: ' weston ' })).toEqual([
      {
        code: 'declarations.own-area',
        message: 'You declared Weston as your own area, so you cannot inspect there.',
      },
    ]);
  });

  it('Southampton Code of Conduct: never inspect your home area even if it was not declared', () => {
    expect(conflictsFor([], 'Weston', { checkId: 'check-1', area: 'Weston' })).toEqual([
      {
        code: 'declarations.home-area',
        message: 'You live in Weston, so you cannot inspect there.',
      },
    ]);
  });

  it('Sedgemoor ToR 9.2: a noted interest does not stand in the way', () => {
    const noted = declaration({
      kind: 'ongoing-complaint',
      detail: 'Complaint about repairs',
      decision: { outcome: 'noted', decidedBy: 'chair-1', decidedAt: DECIDED_AT },
    });
    expect(
      conflictsFor([noted], 'Weston', { reviewId: 'review-repairs', area: 'Bitterne' }),
    ).toEqual([]);
  });

  it('Southampton Code of Conduct: excluded from a named review or check by the decision', () => {
    const relative = declaration({ decision: excludedFrom('review', 'review-wardens') });
    const supplier = declaration({
      id: 'decl-2',
      kind: 'contractor-or-supplier-link',
      detail: 'My son works for the lift contractor',
      decision: excludedFrom('check', 'check-lifts'),
    });
    expect(conflictsFor([relative, supplier], undefined, { reviewId: 'review-wardens' })).toEqual([
      {
        code: 'declarations.excluded',
        message:
          'Because of your declared interest (a relative on the staff: My sister works in the estate warden service), you were excluded from this review.',
      },
    ]);
    expect(
      conflictsFor([relative, supplier], undefined, { checkId: 'check-lifts' }).map((r) => r.code),
    ).toEqual(['declarations.excluded']);
    expect(
      conflictsFor([relative, supplier], undefined, { reviewId: 'other', checkId: 'other' }),
    ).toEqual([]);
  });

  it('Southampton Code of Conduct: an exclusion and an own-area conflict are both returned', () => {
    const relative = declaration({ decision: excludedFrom('check', 'check-1') });
    const own = declaration({
      id: 'decl-2',
      kind: 'own-block-or-area',
      detail: 'My block',
      area: 'Weston',
    });
    expect(
      conflictsFor([relative, own], 'Weston', { checkId: 'check-1', area: 'Weston' }).map(
        (r) => r.code,
      ),
    ).toEqual(['declarations.excluded', 'declarations.own-area']);
  });
});
