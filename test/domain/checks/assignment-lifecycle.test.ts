import {
  acceptCheck,
  declineCheck,
  approveFindings,
  offerCheck,
  submitFindings,
} from '../../../src/domain/checks';
import type { RealityCheck } from '../../../src/domain/checks';
import type { Result } from '../../../src/domain/shared/result';
import { AT, GOOD_ANSWERS, GOOD_FINDINGS, LATER, OFFICER, testEmailCheck } from './fixtures';

const MEMBER = 'member-1';
const officer = { personId: OFFICER, roles: ['officer' as const] };
const submission = { answers: GOOD_ANSWERS, findings: GOOD_FINDINGS };

function value(result: Result<RealityCheck>): RealityCheck {
  if (!result.ok) throw new Error(result.refusals.map((r) => r.message).join('\n'));
  return result.value;
}

function codes(result: Result<RealityCheck>): string[] {
  return result.ok ? [] : result.refusals.map((r) => r.code);
}

const offered = () =>
  value(
    offerCheck({
      check: testEmailCheck(),
      candidate: { personId: MEMBER, canTakePart: [] },
      conflicts: [],
      offeredBy: OFFICER,
      at: AT,
    }),
  );
const accepted = () => value(acceptCheck(offered(), MEMBER, AT));
const declined = () => value(declineCheck(offered(), MEMBER, 'On holiday that week', AT));
const submitted = () => value(submitFindings(accepted(), MEMBER, submission, LATER));
/** Approved by an officer (findings-review.ts, whose refusals offers-and-review.test covers). */
const reviewed = (): RealityCheck => {
  const check = submitted();
  const approved = approveFindings(check, MEMBER, officer, LATER, 'Thank you, clear evidence.');
  if (!approved.ok) throw new Error(approved.refusals.map((r) => r.message).join('\n'));
  return { ...check, assignments: [approved.value] };
};

describe('Torus TIMS reality-check assignment lifecycle', () => {
  it('offered -> accepted -> submitted -> reviewed, recording who and when', () => {
    expect(offered().assignments).toEqual([
      { status: 'offered', personId: MEMBER, offeredBy: OFFICER, offeredAt: AT },
    ]);
    expect(accepted().assignments[0]).toMatchObject({ status: 'accepted', acceptedAt: AT });
    expect(submitted().assignments[0]).toMatchObject({
      status: 'submitted',
      submission: { answers: GOOD_ANSWERS, findings: GOOD_FINDINGS, submittedAt: LATER },
    });
    expect(reviewed().assignments[0]).toMatchObject({
      status: 'reviewed',
      review: { officerId: OFFICER, note: 'Thank you, clear evidence.', reviewedAt: LATER },
    });
  });

  it('never changes the check it is given', () => {
    const before = offered();
    const snapshot = JSON.stringify(before);
    acceptCheck(before, MEMBER, AT);
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('offered -> declined keeps the reason', () => {
    expect(declined().assignments[0]).toEqual({
      status: 'declined',
      personId: MEMBER,
      offeredBy: OFFICER,
      offeredAt: AT,
      declinedAt: AT,
      declineReason: 'On holiday that week',
    });
  });

  it('a member who accepted can still decline, freeing the place', () => {
    expect(value(declineCheck(accepted(), MEMBER, 'Unwell', LATER)).assignments[0]?.status).toBe(
      'declined',
    );
  });

  it('a member who declined can be offered the check again', () => {
    const again = offerCheck({
      check: declined(),
      candidate: { personId: MEMBER, canTakePart: [] },
      conflicts: [],
      offeredBy: OFFICER,
      at: LATER,
    });
    expect(value(again).assignments).toEqual([
      { status: 'offered', personId: MEMBER, offeredBy: OFFICER, offeredAt: LATER },
    ]);
  });

  it('offering refuses someone already offered the check', () => {
    const again = offerCheck({
      check: offered(),
      candidate: { personId: MEMBER, canTakePart: [] },
      conflicts: [],
      offeredBy: OFFICER,
      at: AT,
    });
    expect(codes(again)).toEqual(['check.already-assigned']);
  });
});

describe('Accepting a check: refusals', () => {
  it('refuses someone it was not offered to', () => {
    expect(acceptCheck(offered(), 'someone-else', AT)).toEqual({
      ok: false,
      refusals: [
        { code: 'check.not-offered-to-you', message: 'This check has not been offered to you.' },
      ],
    });
  });

  it('refuses accepting twice, after declining, or after submitting', () => {
    expect(codes(acceptCheck(accepted(), MEMBER, AT))).toEqual(['check.already-accepted']);
    expect(codes(acceptCheck(declined(), MEMBER, AT))).toEqual(['check.already-declined']);
    expect(codes(acceptCheck(submitted(), MEMBER, AT))).toEqual(['check.already-submitted']);
  });

  it('refuses after the due date (in UK time), with the date in the sentence', () => {
    const lateEvening = new Date('2021-08-31T22:30:00Z'); // 23:30 BST on the due date
    expect(acceptCheck(offered(), MEMBER, lateEvening).ok).toBe(true);
    const nextDay = new Date('2021-08-31T23:30:00Z'); // 00:30 BST on 1 September
    expect(acceptCheck(offered(), MEMBER, nextDay)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'check.past-due',
          message:
            'This check was due on 2021-08-31, so it can no longer be accepted. Ask the officer to set a new date.',
        },
      ],
    });
  });
});

describe('Declining a check: refusals', () => {
  it('requires a reason', () => {
    expect(declineCheck(offered(), MEMBER, '  ', AT)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'check.decline-reason-required',
          message:
            'Please say why you are declining this check, so the officer can plan around it.',
        },
      ],
    });
  });

  it('lists every reason: not offered and no reason given', () => {
    expect(codes(declineCheck(offered(), 'someone-else', '', AT))).toEqual([
      'check.not-offered-to-you',
      'check.decline-reason-required',
    ]);
  });

  it('refuses declining twice, or after submitting findings', () => {
    expect(codes(declineCheck(declined(), MEMBER, 'x', AT))).toEqual(['check.already-declined']);
    expect(codes(declineCheck(submitted(), MEMBER, 'x', AT))).toEqual(['check.already-submitted']);
    expect(codes(declineCheck(reviewed(), MEMBER, 'x', AT))).toEqual(['check.already-submitted']);
  });
});

describe('Submitting findings: refusals', () => {
  it('You declined this check, so you cannot submit findings for it.', () => {
    expect(submitFindings(declined(), MEMBER, submission, LATER)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'check.declined',
          message: 'You declined this check, so you cannot submit findings for it.',
        },
      ],
    });
  });

  it('refuses before accepting, when not offered, twice, or after review', () => {
    expect(codes(submitFindings(offered(), MEMBER, submission, LATER))).toEqual([
      'check.not-accepted',
    ]);
    expect(codes(submitFindings(offered(), 'someone-else', submission, LATER))).toEqual([
      'check.not-offered-to-you',
    ]);
    expect(codes(submitFindings(submitted(), MEMBER, submission, LATER))).toEqual([
      'check.already-submitted',
    ]);
    expect(codes(submitFindings(reviewed(), MEMBER, submission, LATER))).toEqual([
      'check.already-reviewed',
    ]);
  });

  it('lists state and content problems together', () => {
    const result = submitFindings(
      offered(),
      MEMBER,
      { answers: {}, findings: { ...GOOD_FINDINGS, evidence: ['http://insecure.example/x'] } },
      LATER,
    );
    expect(codes(result)).toEqual([
      'check.not-accepted',
      'check.answer-required',
      'check.answer-required',
      'check.answer-required',
      'check.answer-required',
      'check.evidence-not-https',
    ]);
  });

  it('accepts a late submission (late evidence is better than none)', () => {
    const late = new Date('2021-09-15T10:00:00Z');
    expect(submitFindings(accepted(), MEMBER, submission, late).ok).toBe(true);
  });

  it('stores findings trimmed', () => {
    const check = value(
      submitFindings(
        accepted(),
        MEMBER,
        { answers: GOOD_ANSWERS, findings: { ...GOOD_FINDINGS, strengths: ['  Quick reply  '] } },
        LATER,
      ),
    );
    const a = check.assignments[0];
    expect(a?.status === 'submitted' && a.submission.findings.strengths).toEqual(['Quick reply']);
  });
});
