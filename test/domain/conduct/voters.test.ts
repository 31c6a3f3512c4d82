import { whoMayVote, type PresentPerson } from '../../../src/domain/conduct';
import { declarationNamesPerson } from '../../../src/domain/declarations';

const member = (personId: string, extra: Partial<PresentPerson> = {}): PresentPerson => ({
  personId,
  roles: ['member'],
  cannotTakePart: [],
  declaredInterestInSubject: false,
  ...extra,
});

describe('who may vote on a conduct question', () => {
  it('the members present who may take part, less the subject, the conflicted, officers and staff', () => {
    const barred = { code: 'membership.barred', message: 'barred' };
    expect(
      whoMayVote(
        [
          member('a'),
          member('chair', { roles: ['chair'] }),
          member('subject'),
          member('brother', { declaredInterestInSubject: true }),
          member('named'),
          member('barred', { cannotTakePart: [barred] }),
          member('staff', { roles: ['staff'] }),
          member('officer-member', { roles: ['member', 'officer'] }),
          member('committee', { roles: ['committee'] }),
          member('a'),
        ],
        'subject',
        ['named'],
      ),
    ).toEqual({
      eligible: ['a', 'chair'],
      notEligible: [
        { personId: 'barred', reasons: ['cannot-take-part'] },
        { personId: 'brother', reasons: ['declared-interest'] },
        { personId: 'committee', reasons: ['not-a-member'] },
        { personId: 'named', reasons: ['declared-interest'] },
        { personId: 'officer-member', reasons: ['not-a-member'] },
        { personId: 'staff', reasons: ['not-a-member'] },
        { personId: 'subject', reasons: ['subject'] },
      ],
    });
  });
});

describe('a declaration naming a person', () => {
  const sam = { id: '65f0c0ffee0000000000abcd', displayName: 'Sam Patel' };
  it('matches their full display name as whole words, whatever the case, spacing or punctuation', () => {
    expect(declarationNamesPerson({ detail: 'relative on staff: my brother Sam Patel' }, sam)).toBe(
      true,
    );
    expect(declarationNamesPerson({ detail: 'my brother (sam  PATEL), repairs' }, sam)).toBe(true);
    expect(declarationNamesPerson({ detail: 'my cousin Sam Patelson' }, sam)).toBe(false);
    expect(declarationNamesPerson({ detail: 'my brother Sam' }, sam)).toBe(false);
    expect(
      declarationNamesPerson({ detail: 'Zoë Brown' }, { id: 'x1', displayName: 'Zoe brown' }),
    ).toBe(true);
  });

  it('matches their person id where one is written, and never an empty name', () => {
    expect(declarationNamesPerson({ detail: `about ${sam.id}` }, { id: sam.id })).toBe(true);
    expect(declarationNamesPerson({ detail: 'anything' }, { id: 'nobody', displayName: ' ' })).toBe(
      false,
    );
  });
});
