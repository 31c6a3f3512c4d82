import {
  GROUP_KINDS,
  isPresetKey,
  POLICY_PRESETS,
  PRESET_KEYS,
  presetPolicy,
  validatePolicy,
} from '../../../src/domain/groups';

describe('Membership policy presets', () => {
  it.each(PRESET_KEYS)('%s is a valid policy with a name, kind and source document', (key) => {
    const preset = POLICY_PRESETS[key];
    expect(preset.key).toBe(key);
    expect(preset.name).not.toBe('');
    expect(GROUP_KINDS).toContain(preset.kind);
    expect(preset.source).toMatch(/\.txt$/);
    expect(validatePolicy(preset.policy)).toEqual({ ok: true, value: preset.policy });
  });

  it('presetPolicy hands out a copy, so editing a group never edits the preset', () => {
    const copy = presetPolicy('trafford-qip');
    copy.exclusions.judgementOrNotice = false;
    expect(POLICY_PRESETS['trafford-qip'].policy.exclusions.judgementOrNotice).toBe(true);
    expect(isPresetKey('trafford-qip')).toBe(true);
    expect(isPresetKey('unknown')).toBe(false);
  });

  describe('Torus TIMS ToR', () => {
    const torus = POLICY_PRESETS['torus-tims'];
    it('is an inspector team open to tenants, leaseholders and shared owners', () => {
      expect(torus.kind).toBe('inspector-team');
      expect(torus.source).toBe('torus-tims-terms-of-reference.txt');
      expect(torus.policy.eligibleTenures).toEqual(['tenant', 'leaseholder', 'shared-owner']);
    });
    it('excludes staff, material breach of tenancy and under-18s', () => {
      expect(torus.policy.staff).toBe('excluded');
      expect(torus.policy.exclusions.breachOfTenancy).toBe(true);
      expect(torus.policy.over18ConfirmationRequired).toBe(true);
    });
    it('requires code of conduct, confidentiality agreement and training; a live complaint suspends', () => {
      expect(torus.policy.codeOfConductRequired).toBe(true);
      expect(torus.policy.confidentialityAgreementRequired).toBe(true);
      expect(torus.policy.initialTrainingRequired).toBe(true);
      expect(torus.policy.liveComplaintSuspends).toBe(true);
    });
    it('has an annual appraisal and an annual review of the terms', () => {
      expect(torus.policy.annualAppraisal).toBe(true);
      expect(torus.policy.annualTermsReview).toBe(true);
    });
    it('a confidentiality breach ends membership', () => {
      expect(torus.policy.conduct.steps).toContainEqual({
        kind: 'membership-ends',
        on: ['code-of-conduct-breach', 'confidentiality-breach'],
      });
    });
  });

  describe('Southampton TI ToR', () => {
    const southampton = POLICY_PRESETS['southampton-ti'].policy;
    it('at most 12 members on any one inspection, new members only between inspections', () => {
      expect(southampton.maxMembersPerInspection).toBe(12);
      expect(southampton.joinOnlyBetweenInspections).toBe(true);
    });
    it('12 months a tenant or leaseholder, or trained; staff need their manager’s agreement', () => {
      expect(southampton.minimumTenancy).toEqual({ months: 12, orTrained: true });
      expect(southampton.staff).toBe('with-manager-agreement');
      expect(southampton.eligibleTenures).toEqual(['tenant', 'leaseholder']);
    });
    it('the breach ladder: warn to leave, two further warnings, then votes to ask to leave and to bar', () => {
      expect(southampton.conduct.steps).toEqual([
        { kind: 'warned-to-leave-meeting', by: 'facilitating-officer' },
        { kind: 'further-warnings', count: 2, by: 'facilitating-officer' },
        { kind: 'vote', voters: 'members-present', question: 'asked-to-leave' },
        { kind: 'vote', voters: 'members-present', question: 'barred-for-a-period' },
      ]);
    });
  });

  describe('Trafford ToR', () => {
    const trafford = POLICY_PRESETS['trafford-qip'];
    it('a panel of 8 to 15 members, 12 to 15 ideal, at most 2 leaseholders', () => {
      expect(trafford.kind).toBe('panel');
      expect(trafford.policy).toMatchObject({
        minMembers: 8,
        maxMembers: 15,
        idealRange: { min: 12, max: 15 },
        maxLeaseholders: 2,
      });
    });
    it('fixed three-year terms, at least 6 meetings and 3 service reviews a year', () => {
      expect(trafford.policy).toMatchObject({
        termYears: 3,
        minMeetingsPerYear: 6,
        reviewsPerYear: 3,
      });
    });
    it('excludes staff, board members elsewhere, judgements or notices, ex-customers and past behaviour', () => {
      expect(trafford.policy.staff).toBe('excluded');
      expect(trafford.policy.exclusions).toEqual({
        breachOfTenancy: false,
        judgementOrNotice: true,
        exCustomers: true,
        boardMemberElsewhere: true,
        previouslyExcludedForBehaviour: true,
        helpedDevelopService: false,
      });
    });
    it('the Nominations Committee investigates a breach and may remove the member', () => {
      expect(trafford.policy.conduct.steps).toEqual([
        { kind: 'investigation', by: 'Nominations Committee', mayRemoveFromMembership: true },
      ]);
    });
  });

  describe('Sedgemoor ToR', () => {
    const sedgemoor = POLICY_PRESETS['sedgemoor-scrutiny'];
    it('a task-and-finish panel of 4 to 12 residents with one STAC member at a time', () => {
      expect(sedgemoor.kind).toBe('task-and-finish-panel');
      expect(sedgemoor.policy).toMatchObject({
        minMembers: 4,
        maxMembers: 12,
        maxCommitteeMembersPerPanel: 1,
      });
    });
    it('excludes people who helped develop the service; training and confidentiality required', () => {
      expect(sedgemoor.policy.exclusions.helpedDevelopService).toBe(true);
      expect(sedgemoor.policy.initialTrainingRequired).toBe(true);
      expect(sedgemoor.policy.confidentialityAgreementRequired).toBe(true);
    });
    it('an ongoing complaint is noted, not a suspension; a full review needs 4 meetings, light-touch 2', () => {
      expect(sedgemoor.policy.liveComplaintSuspends).toBe(false);
      expect(sedgemoor.policy.minMeetingsPerReview).toEqual({ full: 4, lightTouch: 2 });
    });
    it('membership is withdrawn for aggressive or offensive behaviour', () => {
      expect(sedgemoor.policy.conduct.steps).toEqual([
        {
          kind: 'membership-ends',
          on: ['expectations-not-met', 'aggressive-or-offensive-behaviour'],
        },
      ]);
    });
  });

  it('no seed document states a quorum, so none is set', () => {
    for (const key of PRESET_KEYS) expect(POLICY_PRESETS[key].policy.quorum).toBeUndefined();
  });
});
