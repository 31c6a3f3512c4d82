import { presetPolicy } from '../../../src/domain/groups';
import { checkTakePart } from '../../../src/domain/people';
import { readyMember, tenant, TODAY } from './fixtures';

const codes = (result: ReturnType<typeof checkTakePart>) =>
  result.ok ? [] : result.refusals.map((r) => r.code);

describe('Taking part in an inspection, review or vote', () => {
  it('a signed, trained, active member takes part in each seeded group', () => {
    for (const key of [
      'torus-tims',
      'southampton-ti',
      'trafford-qip',
      'sedgemoor-scrutiny',
    ] as const)
      expect(checkTakePart(presetPolicy(key), tenant(), readyMember(), TODAY)).toEqual({
        ok: true,
        value: true,
      });
  });

  it('Torus TIMS ToR: anyone under 18 is excluded, so 18 or over must be confirmed', () => {
    const result = checkTakePart(
      presetPolicy('torus-tims'),
      tenant({ over18Confirmed: false }),
      readyMember(),
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.over-18-not-confirmed',
          message: 'You need to confirm that you are 18 or over before taking part.',
        },
      ],
    });
  });

  it('Torus TIMS ToR: code of conduct and confidentiality agreement must both be signed', () => {
    const result = checkTakePart(
      presetPolicy('torus-tims'),
      tenant(),
      readyMember({ codeOfConductSignedOn: undefined, confidentialitySignedOn: undefined }),
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.code-of-conduct-unsigned',
          message: 'You need to sign the code of conduct before taking part.',
        },
        {
          code: 'membership.confidentiality-unsigned',
          message: 'You need to sign the confidentiality agreement before taking part.',
        },
      ],
    });
  });

  it('Sedgemoor ToR 7.2: the confidentiality agreement is signed before access, not after', () => {
    const result = checkTakePart(
      presetPolicy('sedgemoor-scrutiny'),
      tenant(),
      readyMember({ confidentialitySignedOn: '2026-03-04' }),
      TODAY,
    );
    expect(codes(result)).toEqual(['membership.confidentiality-unsigned']);
  });

  it('Southampton TI ToR: no separate confidentiality agreement is named, so none is asked for', () => {
    const result = checkTakePart(
      presetPolicy('southampton-ti'),
      tenant(),
      readyMember({ confidentialitySignedOn: undefined }),
      TODAY,
    );
    expect(result.ok).toBe(true);
  });

  it('Sedgemoor ToR 4.2: initial training is required', () => {
    const result = checkTakePart(
      presetPolicy('sedgemoor-scrutiny'),
      tenant(),
      readyMember({ trainingDoneOn: undefined }),
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.training-required',
          message: 'You need to complete the initial training before taking part.',
        },
      ],
    });
  });

  it('Torus TIMS ToR: a live complaint suspends the member until it is resolved', () => {
    const result = checkTakePart(
      presetPolicy('torus-tims'),
      tenant(),
      readyMember({
        status: {
          kind: 'suspended',
          reason: 'A live complaint is in the complaints process, until it is fully resolved.',
          since: '2026-02-14',
        },
      }),
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.suspended',
          message:
            'Your membership has been suspended since 14 February 2026: A live complaint is in the complaints process, until it is fully resolved.',
        },
      ],
    });
  });

  it('Trafford ToR: a judgement or notice of seeking possession after joining stops taking part', () => {
    const result = checkTakePart(
      presetPolicy('trafford-qip'),
      tenant({ judgementOrNotice: true }),
      readyMember(),
      TODAY,
    );
    expect(codes(result)).toEqual(['membership.judgement-or-notice']);
  });

  it('Sedgemoor ToR 11: a member stands down while the landlord takes action on their tenancy', () => {
    const result = checkTakePart(
      presetPolicy('sedgemoor-scrutiny'),
      tenant({ judgementOrNotice: true }),
      readyMember(),
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.tenancy-action',
          message:
            'You need to stand down while the landlord is taking action on your tenancy, for as long as that action lasts.',
        },
      ],
    });
  });

  it('Trafford ToR: anyone who ceases to be a customer can no longer take part', () => {
    const result = checkTakePart(
      presetPolicy('trafford-qip'),
      tenant({ tenure: undefined, exCustomer: true }),
      readyMember(),
      TODAY,
    );
    expect(codes(result)).toEqual(['membership.ex-customer']);
  });

  it('Trafford ToR: after the fixed three-year term the member steps down', () => {
    const policy = presetPolicy('trafford-qip');
    const member = readyMember({ termStartsOn: '2023-03-03', termEndsOn: '2026-03-02' });
    expect(checkTakePart(policy, tenant(), member, '2026-03-02').ok).toBe(true);
    expect(checkTakePart(policy, tenant(), member, TODAY)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.term-over',
          message: 'Your term ended on 2 March 2026; you may re-apply to the group.',
        },
      ],
    });
  });

  it('Trafford ToR: a term that has not started yet does not allow taking part', () => {
    const result = checkTakePart(
      presetPolicy('trafford-qip'),
      tenant(),
      readyMember({ termStartsOn: '2026-04-01', termEndsOn: '2029-03-31' }),
      TODAY,
    );
    expect(codes(result)).toEqual(['membership.term-not-started']);
  });

  it('Southampton Code of Conduct: a member barred for a period cannot take part until it ends', () => {
    const policy = presetPolicy('southampton-ti');
    const member = readyMember({
      status: { kind: 'barred', until: '2026-06-30', reason: 'Members present voted to bar' },
    });
    expect(checkTakePart(policy, tenant(), member, TODAY)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.barred',
          message:
            'You are barred from this group until 30 June 2026: Members present voted to bar.',
        },
      ],
    });
    expect(checkTakePart(policy, tenant(), member, '2026-06-30').ok).toBe(true);
  });

  it('Sedgemoor ToR 11.1: a member whose membership was withdrawn cannot take part', () => {
    const result = checkTakePart(
      presetPolicy('sedgemoor-scrutiny'),
      tenant(),
      readyMember({
        status: {
          kind: 'withdrawn',
          reason: 'Offensive language at the meeting.',
          on: '2026-01-12',
        },
      }),
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.withdrawn',
          message:
            'Your membership was withdrawn on 12 January 2026: Offensive language at the meeting.',
        },
      ],
    });
  });

  it('Torus TIMS ToR: a brand-new member who has done nothing yet gets every reason at once', () => {
    const result = checkTakePart(
      presetPolicy('torus-tims'),
      tenant({ over18Confirmed: false, breachOfTenancy: true }),
      {
        roles: ['member'],
        status: { kind: 'suspended', reason: 'Pending investigation', since: '2026-03-01' },
      },
      TODAY,
    );
    expect(codes(result)).toEqual([
      'membership.breach-of-tenancy',
      'membership.over-18-not-confirmed',
      'membership.code-of-conduct-unsigned',
      'membership.confidentiality-unsigned',
      'membership.training-required',
      'membership.suspended',
    ]);
  });

  it('Southampton TI ToR: staff who joined with agreement lose it if the agreement is withdrawn', () => {
    const result = checkTakePart(
      presetPolicy('southampton-ti'),
      tenant({ isStaff: true, managerAgreed: false }),
      readyMember(),
      TODAY,
    );
    expect(codes(result)).toEqual(['membership.staff-without-manager-agreement']);
  });
});
