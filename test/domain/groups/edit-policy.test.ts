import { editPolicy, presetPolicy, validatePolicy } from '../../../src/domain/groups';
import type { PolicyEdits } from '../../../src/domain/groups';

describe('Editing a membership policy', () => {
  it('applies a sound edit and leaves the original untouched', () => {
    const trafford = presetPolicy('trafford-qip');
    const result = editPolicy(trafford, { maxMembers: 14, idealRange: { min: 12, max: 14 } });
    expect(result).toEqual({
      ok: true,
      value: { ...trafford, maxMembers: 14, idealRange: { min: 12, max: 14 } },
    });
    expect(trafford.maxMembers).toBe(15);
  });

  it('Trafford ToR: max members below min members is refused with a sentence', () => {
    const result = editPolicy(presetPolicy('trafford-qip'), { maxMembers: 6 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals).toContainEqual({
      code: 'policy.max-below-min',
      message: 'The most members (6) cannot be fewer than the fewest members (8).',
    });
    // The ideal 12 to 15 no longer fits either; every reason is given.
    expect(result.refusals.map((r) => r.code)).toEqual([
      'policy.max-below-min',
      'policy.ideal-range-outside-limits',
    ]);
  });

  it('Trafford ToR: leaseholder places above the maximum size are refused', () => {
    const result = editPolicy(presetPolicy('trafford-qip'), { maxLeaseholders: 16 });
    expect(result).toEqual({
      ok: false,
      refusals: [
        {
          code: 'policy.leaseholders-above-max',
          message: 'The leaseholder places (16) cannot be more than the most members (15).',
        },
      ],
    });
  });

  it('an ideal range given largest first is refused', () => {
    const result = editPolicy(presetPolicy('trafford-qip'), { idealRange: { min: 14, max: 12 } });
    expect(result.ok || result.refusals.map((r) => r.code)).toEqual([
      'policy.ideal-range-reversed',
    ]);
  });

  it('Southampton TI ToR: leaseholder places on a group leaseholders cannot join are refused', () => {
    const result = editPolicy(presetPolicy('southampton-ti'), {
      eligibleTenures: ['tenant'],
      maxLeaseholders: 2,
    });
    expect(result.ok || result.refusals.map((r) => r.code)).toEqual([
      'policy.leaseholders-not-eligible',
    ]);
  });

  it('Sedgemoor ToR: a per-inspection cap above the panel size is refused', () => {
    const result = editPolicy(presetPolicy('sedgemoor-scrutiny'), { maxMembersPerInspection: 13 });
    expect(result.ok || result.refusals[0]?.code).toBe('policy.inspection-above-max');
  });

  it('a quorum larger than the group is refused', () => {
    const result = editPolicy(presetPolicy('sedgemoor-scrutiny'), { quorum: 20 });
    expect(result.ok || result.refusals[0]).toEqual({
      code: 'policy.quorum-above-max',
      message: 'A quorum of 20 can never meet in a group of at most 12.',
    });
  });

  it('Trafford ToR: one exclusion can be switched without restating the others', () => {
    const result = editPolicy(presetPolicy('trafford-qip'), {
      exclusions: { breachOfTenancy: true },
    });
    expect(result.ok && result.value.exclusions).toEqual({
      breachOfTenancy: true,
      judgementOrNotice: true,
      exCustomers: true,
      boardMemberElsewhere: true,
      previouslyExcludedForBehaviour: true,
      helpedDevelopService: false,
    });
  });

  it('Trafford ToR: setting an optional rule to null switches it off (no fixed term)', () => {
    const result = editPolicy(presetPolicy('trafford-qip'), { termYears: null });
    expect(result.ok).toBe(true);
    expect(result.ok && 'termYears' in result.value).toBe(false);
  });

  it('wrong types, fractions, negative counts and unknown rules are each refused', () => {
    const edits = {
      maxMembers: 2.5,
      minMembers: -1,
      staff: 'sometimes',
      eligibleTenures: [],
      colour: 'blue',
    } as unknown as PolicyEdits;
    const result = editPolicy(presetPolicy('trafford-qip'), edits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.refusals.map((r) => r.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'The rule maxMembers must be a whole number.',
        'The rule minMembers must be at least 0.',
        'The rule eligibleTenures needs at least 1 entry.',
        'There is no rule called colour in the policy.',
      ]),
    );
    expect(result.refusals.find((r) => r.message.includes('staff'))?.code).toBe(
      'policy.invalid-value',
    );
    expect(result.refusals).toHaveLength(5);
  });

  it('a conduct ladder with an unknown step is refused', () => {
    const policy = presetPolicy('southampton-ti');
    const result = validatePolicy({
      ...policy,
      conduct: { ...policy.conduct, steps: [{ kind: 'public-shaming' }] },
    });
    expect(result.ok).toBe(false);
  });
});
