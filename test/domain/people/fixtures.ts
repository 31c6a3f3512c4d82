import type { GroupState, MembershipFacts, PersonFacts } from '../../../src/domain/people';

export const TODAY = '2026-03-03';

/** A tenant of six years who meets every rule in every seeded policy. */
export function tenant(overrides: Partial<PersonFacts> = {}): PersonFacts {
  return {
    tenure: 'tenant',
    tenancyStartedOn: '2020-01-06',
    homeArea: 'Weston',
    over18Confirmed: true,
    isStaff: false,
    managerAgreed: false,
    breachOfTenancy: false,
    judgementOrNotice: false,
    exCustomer: false,
    boardMemberElsewhere: false,
    previouslyExcludedForBehaviour: false,
    ...overrides,
  };
}

export function roomyGroup(overrides: Partial<GroupState> = {}): GroupState {
  return {
    activeMembers: 5,
    leaseholders: 0,
    committeeMembersOnPanel: 0,
    inspectionInProgress: false,
    ...overrides,
  };
}

/** A member who has signed, trained and is mid-term. */
export function readyMember(overrides: Partial<MembershipFacts> = {}): MembershipFacts {
  return {
    roles: ['member'],
    trainingDoneOn: '2025-02-01',
    codeOfConductSignedOn: '2025-01-20',
    confidentialitySignedOn: '2025-01-20',
    termStartsOn: '2025-01-20',
    status: { kind: 'active' },
    ...overrides,
  };
}
