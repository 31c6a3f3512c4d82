import { validateDeclaration } from '../../../src/domain/declarations';
import { DECLARED_AT } from './fixtures';

const input = {
  id: 'decl-1',
  personId: 'member-1',
  groupId: 'southampton-ti',
  declaredAt: DECLARED_AT,
};

describe('Declaring an interest', () => {
  it('Southampton Code of Conduct: a relative on the staff is declared in writing, trimmed', () => {
    const result = validateDeclaration({
      ...input,
      kind: 'relative-on-staff',
      detail: '  My sister works in the estate warden service \n',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        ...input,
        kind: 'relative-on-staff',
        detail: 'My sister works in the estate warden service',
      },
    });
  });

  it('Southampton Code of Conduct: own block or area needs the area, so checks there can be refused', () => {
    expect(
      validateDeclaration({
        ...input,
        kind: 'own-block-or-area',
        detail: 'I live on the estate',
        area: '  ',
      }),
    ).toEqual({
      ok: false,
      refusals: [
        {
          code: 'declarations.area-required',
          message: 'Name the block or area that is your own, so you are not given checks there.',
        },
      ],
    });
    const named = validateDeclaration({
      ...input,
      kind: 'own-block-or-area',
      detail: 'I live in Canberra Towers',
      area: ' Weston ',
    });
    expect(named.ok && named.value.area).toBe('Weston');
  });

  it('Sedgemoor ToR 9.1: employment with a major contractor is a kind of interest', () => {
    const result = validateDeclaration({
      ...input,
      kind: 'board-or-employment-link',
      detail: 'I work part-time for the repairs contractor',
    });
    expect(result.ok).toBe(true);
  });

  it('Southampton Code of Conduct: an unknown kind and an empty text are both refused at once', () => {
    const result = validateDeclaration({ ...input, kind: 'gossip', detail: '   ' });
    expect(result.ok || result.refusals.map((r) => r.code)).toEqual([
      'declarations.unknown-kind',
      'declarations.detail-required',
    ]);
    expect(result.ok || result.refusals[0]?.message).toBe(
      '"gossip" is not a kind of interest; choose one of relative-on-staff, contractor-or-supplier-link, board-or-employment-link, ongoing-complaint, own-block-or-area, other.',
    );
  });
});
