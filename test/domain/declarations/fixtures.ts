import type { DeclaredInterest } from '../../../src/domain/shared/declarations';

export const DECLARED_AT = new Date('2026-03-03T10:00:00Z');
export const DECIDED_AT = new Date('2026-03-04T14:30:00Z');

export function declaration(overrides: Partial<DeclaredInterest> = {}): DeclaredInterest {
  return {
    id: 'decl-1',
    personId: 'member-1',
    groupId: 'southampton-ti',
    kind: 'relative-on-staff',
    detail: 'My sister works in the estate warden service',
    declaredAt: DECLARED_AT,
    ...overrides,
  };
}
