import { decideDeclaration, reviseDecision } from '../../../src/domain/declarations';
import { declaration, DECIDED_AT } from './fixtures';

const CHAIR = { decidedBy: 'chair-1', decidedAt: DECIDED_AT };
const LATER = new Date('2026-03-10T09:00:00Z');

describe('Deciding what a declared interest means', () => {
  it('Sedgemoor ToR 9.2: an ongoing complaint is noted for transparency and the member may take part', () => {
    const complaint = declaration({
      kind: 'ongoing-complaint',
      detail: 'Complaint about my repair',
    });
    const result = decideDeclaration(complaint, { outcome: 'noted' }, CHAIR);
    expect(result).toEqual({
      ok: true,
      value: {
        declaration: { ...complaint, decision: { outcome: 'noted', ...CHAIR } },
        record: { declarationId: 'decl-1', decision: { outcome: 'noted' }, ...CHAIR },
      },
    });
  });

  it('Southampton Code of Conduct: a relative on the staff excludes the member from a named review', () => {
    const result = decideDeclaration(
      declaration(),
      { outcome: 'excluded', from: { kind: 'review', id: ' review-wardens ' } },
      CHAIR,
    );
    expect(result.ok && result.value.declaration.decision).toEqual({
      outcome: 'excluded',
      from: { kind: 'review', id: 'review-wardens' },
      ...CHAIR,
    });
  });

  it('an exclusion must name the review or check', () => {
    const result = decideDeclaration(
      declaration(),
      { outcome: 'excluded', from: { kind: 'check', id: '' } },
      CHAIR,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'declarations.target-required',
          message: 'Name the check the member is excluded from.',
        },
      ],
    });
  });

  it('a decision once made is not overwritten', () => {
    const decided = { ...declaration(), decision: { outcome: 'noted' as const, ...CHAIR } };
    const result = decideDeclaration(
      decided,
      { outcome: 'excluded', from: { kind: 'review', id: 'r-1' } },
      { decidedBy: 'officer-1', decidedAt: LATER },
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'declarations.already-decided',
          message:
            'This declaration was already decided on by chair-1; revise it with a reason instead.',
        },
      ],
    });
  });

  it('revising needs a reason and yields a new decision record pointing at the one it replaces', () => {
    const decided = { ...declaration(), decision: { outcome: 'noted' as const, ...CHAIR } };
    const result = reviseDecision(
      decided,
      { outcome: 'excluded', from: { kind: 'review', id: 'r-1' } },
      { decidedBy: 'officer-1', decidedAt: LATER, reason: ' The review now covers her team. ' },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        declaration: {
          ...decided,
          decision: {
            outcome: 'excluded',
            from: { kind: 'review', id: 'r-1' },
            decidedBy: 'officer-1',
            decidedAt: LATER,
          },
        },
        record: {
          declarationId: 'decl-1',
          decision: { outcome: 'excluded', from: { kind: 'review', id: 'r-1' } },
          decidedBy: 'officer-1',
          decidedAt: LATER,
          reason: 'The review now covers her team.',
          revises: { decision: { outcome: 'noted' }, ...CHAIR },
        },
      },
    });
    // The earlier decision object is untouched.
    expect(decided.decision).toEqual({ outcome: 'noted', ...CHAIR });
  });

  it('revising without a reason, to the same decision, is refused with both reasons', () => {
    const decided = { ...declaration(), decision: { outcome: 'noted' as const, ...CHAIR } };
    const result = reviseDecision(decided, { outcome: 'noted' }, { ...CHAIR, reason: '' });
    expect(result.ok || result.refusals.map((r) => r.code)).toEqual([
      'declarations.reason-required',
      'declarations.decision-unchanged',
    ]);
  });

  it('there is nothing to revise before the first decision', () => {
    const result = reviseDecision(
      declaration(),
      { outcome: 'noted' },
      { ...CHAIR, reason: 'Because' },
    );
    expect(result.ok || result.refusals.map((r) => r.code)).toEqual(['declarations.not-decided']);
  });
});
