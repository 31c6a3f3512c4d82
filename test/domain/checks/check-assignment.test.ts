import {
  checkAssignment,
  offerCheck,
  SOUTHAMPTON_MAX_PER_INSPECTION,
} from '../../../src/domain/checks';
import type { RealityCheck } from '../../../src/domain/checks';
import { AT, OFFICER, testEmailCheck } from './fixtures';

const member = { personId: 'member-1', canTakePart: [] };
const untrained = {
  code: 'membership.training-required',
  message: 'You need to complete the initial training before taking part.',
};
const ownArea = {
  code: 'declarations.own-area',
  message: 'You declared Weston as your own area, so you cannot inspect there.',
};

describe('Assigning a reality check', () => {
  it('clears a member who can take part, has no conflicts and fits under the cap', () => {
    const result = checkAssignment({
      check: testEmailCheck(),
      candidate: member,
      conflicts: [],
      assigneesSoFar: 3,
      maxPerInspection: SOUTHAMPTON_MAX_PER_INSPECTION,
      alreadyAssigned: false,
    });
    expect(result).toEqual({ ok: true, value: { checkId: 'check-1', personId: 'member-1' } });
  });

  it('Southampton Tenant Inspectors: the 12th member may join an inspection, a 13th may not', () => {
    const ask = (assigneesSoFar: number) =>
      checkAssignment({
        check: testEmailCheck(),
        candidate: member,
        conflicts: [],
        assigneesSoFar,
        maxPerInspection: SOUTHAMPTON_MAX_PER_INSPECTION,
        alreadyAssigned: false,
      });
    expect(SOUTHAMPTON_MAX_PER_INSPECTION).toBe(12);
    expect(ask(11).ok).toBe(true);
    expect(ask(12)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'check.inspection-full',
          message:
            'This inspection already has 12 members, and the group allows at most 12 on any one inspection.',
        },
      ],
    });
  });

  it('a group with no cap takes any number', () => {
    const result = checkAssignment({
      check: testEmailCheck(),
      candidate: member,
      conflicts: [],
      assigneesSoFar: 40,
      alreadyAssigned: false,
    });
    expect(result.ok).toBe(true);
  });

  it('Southampton code of conduct: returns every refusal together (take-part, own-area conflict, cap, already assigned)', () => {
    const result = checkAssignment({
      check: testEmailCheck(),
      candidate: { personId: 'member-1', canTakePart: [untrained] },
      conflicts: [ownArea],
      assigneesSoFar: 12,
      maxPerInspection: 12,
      alreadyAssigned: true,
    });
    expect(!result.ok && result.refusals.map((r) => r.code)).toEqual([
      'membership.training-required',
      'declarations.own-area',
      'check.inspection-full',
      'check.already-assigned',
    ]);
  });

  it('offering counts the people already on the check towards the cap, but not those who declined', () => {
    const assignments: RealityCheck['assignments'] = Array.from({ length: 12 }, (_, i) => ({
      status: 'offered' as const,
      personId: `m${i}`,
      offeredBy: OFFICER,
      offeredAt: AT,
    }));
    const full = testEmailCheck({ assignments });
    const offer = (check: RealityCheck) =>
      offerCheck({
        check,
        candidate: member,
        conflicts: [],
        offeredBy: OFFICER,
        at: AT,
        maxPerInspection: 12,
      });
    expect(!offer(full).ok && offer(full)).toMatchObject({
      refusals: [{ code: 'check.inspection-full' }],
    });

    const oneDeclined = testEmailCheck({
      assignments: assignments.map((a, i) =>
        i === 0 ? { ...a, status: 'declined' as const, declinedAt: AT, declineReason: 'Away' } : a,
      ),
    });
    expect(offer(oneDeclined).ok).toBe(true);
  });

  it('offering across an inspection of several checks uses the count passed in', () => {
    const result = offerCheck({
      check: testEmailCheck(),
      candidate: member,
      conflicts: [],
      offeredBy: OFFICER,
      at: AT,
      maxPerInspection: 12,
      assigneesSoFar: 12,
    });
    expect(!result.ok && result.refusals.map((r) => r.code)).toEqual(['check.inspection-full']);
  });
});
