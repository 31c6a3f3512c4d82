import {
  isReconfirmationDue,
  reconfirmationDueOn,
  registerFor,
} from '../../../src/domain/declarations';
import { declaration } from './fixtures';

describe('The register of declarations', () => {
  const a1 = declaration({
    id: 'a1',
    personId: 'anne',
    kind: 'own-block-or-area',
    detail: 'My block',
    area: 'Weston',
    declaredAt: new Date('2025-05-01T09:00:00Z'),
  });
  const a2 = declaration({
    id: 'a2',
    personId: 'anne',
    kind: 'relative-on-staff',
    detail: 'Brother in income management',
    declaredAt: new Date('2025-06-01T09:00:00Z'),
  });
  const b1 = declaration({
    id: 'b1',
    personId: 'bob',
    kind: 'ongoing-complaint',
    detail: 'Damp complaint',
    declaredAt: new Date('2025-04-01T09:00:00Z'),
  });
  const otherGroup = declaration({ id: 'x1', personId: 'carl', groupId: 'trafford-qip' });

  it('domain.md: one entry per person in the group, sorted, declarations by kind then time', () => {
    const register = registerFor('southampton-ti', [b1, a2, otherGroup, a1]);
    expect(register.map((entry) => entry.personId)).toEqual(['anne', 'bob']);
    expect(register[0]?.declarations.map((d) => d.id)).toEqual(['a2', 'a1']);
    expect(register[0]?.lastConfirmedAt).toEqual(new Date('2025-06-01T09:00:00Z'));
    expect(register[0]?.reconfirmationDueOn).toBe('2026-06-01');
  });

  it('a declaration made again at re-confirmation replaces the older copy; ended ones drop out', () => {
    const again = {
      ...a2,
      id: 'a2-again',
      detail: ' brother in income  management',
      declaredAt: new Date('2026-05-20T09:00:00Z'),
    };
    const register = registerFor('southampton-ti', [a1, a2, again, b1], { endedIds: ['b1'] });
    expect(register.map((entry) => entry.personId)).toEqual(['anne']);
    expect(register[0]?.declarations.map((d) => d.id)).toEqual(['a2-again', 'a1']);
    expect(register[0]?.reconfirmationDueOn).toBe('2027-05-20');
  });

  it('a re-confirmation without changes moves the due date on', () => {
    const register = registerFor('southampton-ti', [b1], {
      confirmedAt: new Map([['bob', new Date('2026-03-03T12:00:00Z')]]),
    });
    expect(register[0]?.reconfirmationDueOn).toBe('2027-03-03');
  });
});

describe('Yearly re-confirmation', () => {
  it('domain.md: declarations are re-confirmed one year after the last confirmation', () => {
    expect(reconfirmationDueOn(new Date('2025-03-03T10:00:00Z'))).toBe('2026-03-03');
  });

  it('late on 31 March in UK summer time counts as 1 April on the landlord’s calendar', () => {
    expect(reconfirmationDueOn(new Date('2025-03-31T23:30:00Z'))).toBe('2026-04-01');
  });

  it('a confirmation on 29 February falls due on 28 February', () => {
    expect(reconfirmationDueOn(new Date('2024-02-29T12:00:00Z'))).toBe('2025-02-28');
  });

  it('is due on the anniversary, not before', () => {
    const last = new Date('2025-03-03T10:00:00Z');
    expect(isReconfirmationDue(last, '2026-03-02')).toBe(false);
    expect(isReconfirmationDue(last, '2026-03-03')).toBe(true);
  });
});
