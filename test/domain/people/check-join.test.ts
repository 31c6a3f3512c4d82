import { presetPolicy } from '../../../src/domain/groups';
import { checkJoin } from '../../../src/domain/people';
import { roomyGroup, tenant, TODAY } from './fixtures';

const codes = (result: ReturnType<typeof checkJoin>) =>
  result.ok ? [] : result.refusals.map((r) => r.code);

describe('Joining a group', () => {
  it('a tenant who meets every rule may join each seeded group', () => {
    for (const key of [
      'torus-tims',
      'southampton-ti',
      'trafford-qip',
      'sedgemoor-scrutiny',
    ] as const)
      expect(checkJoin(presetPolicy(key), tenant(), roomyGroup(), TODAY)).toEqual({
        ok: true,
        value: true,
      });
  });

  it('Torus TIMS ToR: members of staff are excluded', () => {
    const result = checkJoin(
      presetPolicy('torus-tims'),
      tenant({ isStaff: true }),
      roomyGroup(),
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.staff-excluded',
          message: 'Members of the landlord’s staff cannot be members of this group.',
        },
      ],
    });
  });

  it('Southampton TI ToR: staff may join only with their manager’s agreement', () => {
    const policy = presetPolicy('southampton-ti');
    expect(codes(checkJoin(policy, tenant({ isStaff: true }), roomyGroup(), TODAY))).toEqual([
      'membership.staff-without-manager-agreement',
    ]);
    expect(
      checkJoin(policy, tenant({ isStaff: true, managerAgreed: true }), roomyGroup(), TODAY).ok,
    ).toBe(true);
  });

  it('Sedgemoor ToR 11.1: staff panel members are allowed (employment is declared, 9.1)', () => {
    const result = checkJoin(
      presetPolicy('sedgemoor-scrutiny'),
      tenant({ isStaff: true }),
      roomyGroup(),
      TODAY,
    );
    expect(result.ok).toBe(true);
  });

  it('Torus TIMS ToR: customers in material breach of their tenancy are excluded', () => {
    const result = checkJoin(
      presetPolicy('torus-tims'),
      tenant({ breachOfTenancy: true }),
      roomyGroup(),
      TODAY,
    );
    expect(codes(result)).toEqual(['membership.breach-of-tenancy']);
  });

  it('Trafford ToR: a county court judgement or notice of seeking possession excludes', () => {
    const result = checkJoin(
      presetPolicy('trafford-qip'),
      tenant({ judgementOrNotice: true }),
      roomyGroup(),
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.judgement-or-notice',
          message:
            'You are recorded as having a county court judgement in the landlord’s favour or a notice of seeking possession.',
        },
      ],
    });
  });

  it('Trafford ToR: ex-customers, board members elsewhere and people excluded before for behaviour', () => {
    const person = tenant({
      tenure: undefined,
      exCustomer: true,
      boardMemberElsewhere: true,
      previouslyExcludedForBehaviour: true,
    });
    expect(codes(checkJoin(presetPolicy('trafford-qip'), person, roomyGroup(), TODAY))).toEqual([
      'membership.ex-customer',
      'membership.board-member-elsewhere',
      'membership.previously-excluded',
    ]);
  });

  it('Trafford ToR: shared owners are not among the tenures that may join; Torus TIMS ToR: they are', () => {
    const owner = tenant({ tenure: 'shared-owner' });
    expect(checkJoin(presetPolicy('trafford-qip'), owner, roomyGroup(), TODAY)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.tenure-not-eligible',
          message: 'This group is open to tenants and leaseholders, not shared owners.',
        },
      ],
    });
    expect(checkJoin(presetPolicy('torus-tims'), owner, roomyGroup(), TODAY).ok).toBe(true);
  });

  it('Southampton TI ToR: a tenant of under 12 months who is not trained is refused, with the date they can join', () => {
    const newcomer = tenant({ tenancyStartedOn: '2025-09-15' });
    expect(checkJoin(presetPolicy('southampton-ti'), newcomer, roomyGroup(), TODAY)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.tenancy-too-short',
          message:
            'Members need to have been a customer for at least 12 months; you can join from 15 September 2026, or sooner once you have been trained for the role.',
        },
      ],
    });
  });

  it('Southampton TI ToR: exactly 12 months a tenant is enough', () => {
    const person = tenant({ tenancyStartedOn: '2025-03-03' });
    expect(checkJoin(presetPolicy('southampton-ti'), person, roomyGroup(), TODAY).ok).toBe(true);
  });

  it('Southampton TI ToR: training stands in for 12 months’ tenancy', () => {
    const person = tenant({ tenancyStartedOn: '2025-09-15', trainedOn: '2026-02-10' });
    expect(checkJoin(presetPolicy('southampton-ti'), person, roomyGroup(), TODAY).ok).toBe(true);
  });

  it('Southampton TI ToR: with no tenancy start date on record, only training lets a person in', () => {
    const result = checkJoin(
      presetPolicy('southampton-ti'),
      tenant({ tenancyStartedOn: undefined }),
      roomyGroup(),
      TODAY,
    );
    expect(result.ok || result.refusals[0]?.message).toBe(
      'Members need to have been a customer for at least 12 months, and there is no tenancy start date on record for you; you can join once you have been trained for the role.',
    );
  });

  it('Trafford ToR: at most 15 members; the 15th may join, a 16th may not', () => {
    const policy = presetPolicy('trafford-qip');
    expect(checkJoin(policy, tenant(), roomyGroup({ activeMembers: 14 }), TODAY).ok).toBe(true);
    expect(checkJoin(policy, tenant(), roomyGroup({ activeMembers: 15 }), TODAY)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.group-full',
          message: 'The group is full: it has 15 members and takes at most 15.',
        },
      ],
    });
  });

  it('Trafford ToR: at most 2 leaseholders', () => {
    const policy = presetPolicy('trafford-qip');
    const leaseholder = tenant({ tenure: 'leaseholder' });
    expect(checkJoin(policy, leaseholder, roomyGroup({ leaseholders: 1 }), TODAY).ok).toBe(true);
    expect(checkJoin(policy, leaseholder, roomyGroup({ leaseholders: 2 }), TODAY)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.leaseholder-places-full',
          message: 'All 2 places for leaseholders are filled.',
        },
      ],
    });
    // The cap is on leaseholders only; a tenant still joins.
    expect(checkJoin(policy, tenant(), roomyGroup({ leaseholders: 2 }), TODAY).ok).toBe(true);
  });

  it('Sedgemoor ToR: only one STAC member on a scrutiny panel at any one time', () => {
    const policy = presetPolicy('sedgemoor-scrutiny');
    const stacMember = tenant({ committeeMemberOf: 'STAC' });
    expect(checkJoin(policy, stacMember, roomyGroup(), TODAY).ok).toBe(true);
    expect(
      checkJoin(policy, stacMember, roomyGroup({ committeeMembersOnPanel: 1 }), TODAY),
    ).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.committee-member-limit',
          message:
            'Only 1 member of STAC can be on a panel at any one time, and that place is taken.',
        },
      ],
    });
    expect(checkJoin(policy, tenant(), roomyGroup({ committeeMembersOnPanel: 1 }), TODAY).ok).toBe(
      true,
    );
  });

  it('Sedgemoor ToR: nobody who helped develop the service under review', () => {
    const result = checkJoin(
      presetPolicy('sedgemoor-scrutiny'),
      tenant({ helpedDevelopService: true }),
      roomyGroup(),
      TODAY,
    );
    expect(codes(result)).toEqual(['membership.helped-develop-service']);
  });

  it('Sedgemoor ToR: at most 12 residents on a panel', () => {
    const result = checkJoin(
      presetPolicy('sedgemoor-scrutiny'),
      tenant(),
      roomyGroup({ activeMembers: 12 }),
      TODAY,
    );
    expect(codes(result)).toEqual(['membership.group-full']);
  });

  it('Southampton TI ToR: new members join only between inspections', () => {
    const policy = presetPolicy('southampton-ti');
    expect(
      codes(checkJoin(policy, tenant(), roomyGroup({ inspectionInProgress: true }), TODAY)),
    ).toEqual(['membership.inspection-in-progress']);
    // Torus sets no such rule.
    expect(
      checkJoin(
        presetPolicy('torus-tims'),
        tenant(),
        roomyGroup({ inspectionInProgress: true }),
        TODAY,
      ).ok,
    ).toBe(true);
  });

  it('Joining is not refused for what the member completes later: over 18, agreements, training', () => {
    const result = checkJoin(
      presetPolicy('torus-tims'),
      tenant({ over18Confirmed: false }),
      roomyGroup(),
      TODAY,
    );
    expect(result.ok).toBe(true);
  });

  it('Southampton TI ToR: several reasons at once are all returned, in a stable order', () => {
    const person = tenant({
      tenure: 'leaseholder',
      tenancyStartedOn: '2025-12-01',
      isStaff: true,
      breachOfTenancy: true,
    });
    const result = checkJoin(
      presetPolicy('southampton-ti'),
      person,
      roomyGroup({ inspectionInProgress: true }),
      TODAY,
    );
    expect(codes(result)).toEqual([
      'membership.staff-without-manager-agreement',
      'membership.breach-of-tenancy',
      'membership.tenancy-too-short',
      'membership.inspection-in-progress',
    ]);
    expect(result.ok || result.refusals.every((r) => /[.]$/.test(r.message))).toBe(true);
  });

  it('Trafford ToR: a full group, a leaseholder cap and a judgement all at once', () => {
    const result = checkJoin(
      presetPolicy('trafford-qip'),
      tenant({ tenure: 'leaseholder', judgementOrNotice: true, isStaff: true }),
      roomyGroup({ activeMembers: 15, leaseholders: 2 }),
      TODAY,
    );
    expect(codes(result)).toEqual([
      'membership.staff-excluded',
      'membership.judgement-or-notice',
      'membership.group-full',
      'membership.leaseholder-places-full',
    ]);
  });
});
