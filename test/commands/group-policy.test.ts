import { parseCommand } from '../../src/commands';
import { POLICY_RULE_NAMES, policyEditsOf, policyRuleName } from '../../src/commands/policy-rules';
import { editPolicy, POLICY_PRESETS } from '../../src/domain/groups';
import { POLICY_RULE_LABELS } from '../../src/domain/groups/preset-clauses';
import { fakeContext } from './parse-context';

const parse = (text: string) => parseCommand(text, fakeContext());

describe('group policy and group policy set: reading what people type', () => {
  it('`group policy` takes nothing more, and `group policy set` wins over it', () => {
    expect(parse('group policy')).toEqual({ ok: true, command: { type: 'group-policy' } });
    expect(parse('group policy set over18-confirmation:off "Not in our terms"')).toEqual({
      ok: true,
      command: {
        type: 'group-policy-set',
        reason: 'Not in our terms',
        over18ConfirmationRequired: false,
      },
    });
    expect(parse('group policy show')).toMatchObject({
      ok: false,
      message: "group policy takes nothing more; I didn't expect “show”.",
    });
    expect(parse('group policy sett over18-confirmation:off "x"')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Did you mean `group policy set`?') as unknown,
    });
  });

  it('names are the policy field in kebab-case without "Required"; exclusions are excludes-…', () => {
    expect(policyRuleName('over18ConfirmationRequired')).toBe('over18-confirmation');
    expect(policyRuleName('maxMembers')).toBe('max-members');
    expect(policyRuleName('eligibleTenures')).toBe('eligible-tenures');
    expect(policyRuleName('exclusions.breachOfTenancy')).toBe('excludes-breach-of-tenancy');
    expect(new Set(POLICY_RULE_NAMES).size).toBe(POLICY_RULE_LABELS.length);
  });

  it('reads on/off, numbers, lists, ranges and off to clear, into the values editPolicy takes', () => {
    const parsed = parse(
      'group policy set max-members:15 eligible-tenures:Tenant,leaseholder excludes-breach-of-tenancy:OFF ' +
        'ideal-range:12–15 minimum-tenancy:12-or-trained min-meetings-per-review:4,2 staff:allowed ' +
        'reviews-per-year:off "Agreed at the May meeting"',
    );
    if (!parsed.ok || parsed.command.type !== 'group-policy-set')
      throw new Error(parsed.ok ? '' : parsed.message);
    const { changes, rules } = policyEditsOf(parsed.command);
    expect(rules.map((r) => r.name)).toEqual([
      'max-members',
      'ideal-range',
      'eligible-tenures',
      'minimum-tenancy',
      'staff',
      'excludes-breach-of-tenancy',
      'reviews-per-year',
      'min-meetings-per-review',
    ]);
    expect(changes).toEqual({
      maxMembers: 15,
      idealRange: { min: 12, max: 15 },
      eligibleTenures: ['tenant', 'leaseholder'],
      minimumTenancy: { months: 12, orTrained: true },
      staff: 'allowed',
      reviewsPerYear: null,
      minMeetingsPerReview: { full: 4, lightTouch: 2 },
      exclusions: { breachOfTenancy: false },
    });
    const edited = editPolicy(POLICY_PRESETS['southampton-ti'].policy, changes);
    expect(edited).toMatchObject({ ok: true });
    if (edited.ok) {
      expect(edited.value.reviewsPerYear).toBeUndefined();
      expect(edited.value.exclusions).toMatchObject({ breachOfTenancy: false, exCustomers: true });
    }
  });

  it('a rule name slip names the rule meant; an unknown one lists every rule', () => {
    const slip = parse('group policy set over18:off "x"');
    expect(slip).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        "group policy set doesn't take over18:. Did you mean over18-confirmation:?",
      ) as unknown,
    });
    const unknown = parse('group policy set age-limit:off "x"');
    if (unknown.ok) throw new Error('expected a refusal');
    expect(unknown.message).toContain("group policy set doesn't take age-limit:. It takes ");
    for (const name of POLICY_RULE_NAMES) expect(unknown.message).toContain(`${name}:`);
  });

  it('a value the rule cannot take is refused with what it takes', () => {
    expect(parse('group policy set max-members:lots "x"')).toMatchObject({
      ok: false,
      message:
        "max-members:lots isn't a value “Most members” can take. Use max-members:<number> or off.",
    });
    expect(parse('group policy set over18-confirmation:of "x"')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Did you mean over18-confirmation:on?') as unknown,
    });
    expect(parse('group policy set eligible-tenures:tenant,owner "x"')).toMatchObject({
      ok: false,
    });
    // Who may join cannot be nobody: the list rule has no off.
    expect(parse('group policy set eligible-tenures:off "x"')).toMatchObject({ ok: false });
    expect(parse('group policy set over18-confirmation:off')).toMatchObject({
      ok: false,
      message: 'group policy set needs a reason in quotes.',
    });
  });
});
