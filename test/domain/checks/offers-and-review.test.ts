import {
  acceptCheck,
  approveFindings,
  checkOfferKeys,
  combinedVerdict,
  MAX_OFFERS_PER_CHECK,
  returnFindings,
  submitFindings,
  validateOfferFindings,
  type Assignment,
  type RealityCheck,
} from '../../../src/domain/checks';
import { AT, GOOD_ANSWERS, GOOD_FINDINGS, LATER, OFFICER, testEmailCheck } from './fixtures';

const EMAILS = 'emails-acknowledged-within-4-hours';
const COMPLAINTS = 'formal-complaints-response';
const AVA = 'ava';
const reviewer = { personId: OFFICER, roles: ['officer' as const] };

function ok<T>(result: { ok: true; value: T } | { ok: false; refusals: unknown[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

/** A check on two offers, offered to and accepted by Ava. */
function acceptedCheck(): RealityCheck {
  const check = testEmailCheck({
    offerKeys: [EMAILS, COMPLAINTS],
    assignments: [{ personId: AVA, status: 'offered', offeredBy: OFFICER, offeredAt: AT }],
  });
  return ok(acceptCheck(check, AVA, AT));
}

const OFFERS = [
  { offerKey: EMAILS, verdict: 'verified' as const, evidence: ' Acknowledged in 2 hours. ' },
  { offerKey: COMPLAINTS, verdict: 'partly' as const, evidence: 'Answered on day 12.' },
];

const withAssignment = (check: RealityCheck, next: Assignment): RealityCheck => ({
  ...check,
  assignments: check.assignments.map((a) => (a.personId === next.personId ? next : a)),
});

describe('a check verifies local offers (Torus Liverpool local offers)', () => {
  it('keeps the keys given once each, and refuses more than ten', () => {
    expect(checkOfferKeys([EMAILS, EMAILS, COMPLAINTS])).toEqual({
      keys: [EMAILS, COMPLAINTS],
      refusals: [],
    });
    const many = Array.from({ length: MAX_OFFERS_PER_CHECK + 1 }, (_, i) => `offer-${i}`);
    expect(checkOfferKeys(many).refusals).toEqual([
      expect.objectContaining({ code: 'check.too-many-offers' }),
    ]);
  });

  it('needs a verdict and a sentence of evidence for every offer, and nothing else', () => {
    expect(validateOfferFindings([EMAILS, COMPLAINTS], OFFERS)).toEqual([]);
    expect(
      validateOfferFindings(
        [EMAILS, COMPLAINTS],
        [
          { offerKey: EMAILS, verdict: 'verified', evidence: '  ' },
          { offerKey: 'lift-inspections', verdict: 'partly', evidence: 'Seen' },
        ],
      ).map((r) => r.code),
    ).toEqual([
      'check.offer-evidence-missing',
      'check.offer-verdict-missing',
      'check.offer-not-on-check',
    ]);
  });

  it('takes the most cautious verdict when inspectors differ', () => {
    expect(combinedVerdict(['verified', 'verified'])).toBe('verified');
    expect(combinedVerdict(['verified', 'partly'])).toBe('partly');
    expect(combinedVerdict(['partly', 'not-verified', 'verified'])).toBe('not-verified');
    expect(combinedVerdict([])).toBeUndefined();
  });

  it('refuses findings that leave an offer out, listing it with the other problems', () => {
    const result = submitFindings(
      acceptedCheck(),
      AVA,
      { answers: GOOD_ANSWERS, findings: GOOD_FINDINGS, offers: [OFFERS[0]!] },
      LATER,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.refusals.map((r) => r.code)).toEqual(['check.offer-verdict-missing']);
  });

  it('stores each offer’s verdict with its evidence, trimmed', () => {
    const submitted = ok(
      submitFindings(
        acceptedCheck(),
        AVA,
        { answers: GOOD_ANSWERS, findings: GOOD_FINDINGS, offers: OFFERS },
        LATER,
      ),
    );
    const ava = submitted.assignments[0];
    expect(ava?.status).toBe('submitted');
    if (ava?.status === 'submitted')
      expect(ava.submission.offers?.[0]).toEqual({
        offerKey: EMAILS,
        verdict: 'verified',
        evidence: 'Acknowledged in 2 hours.',
      });
  });
});

describe('an officer reviews findings before they leave the panel', () => {
  const submitted = () =>
    ok(
      submitFindings(
        acceptedCheck(),
        AVA,
        { answers: GOOD_ANSWERS, findings: GOOD_FINDINGS, offers: OFFERS },
        LATER,
      ),
    );

  it('approves submitted findings, once', () => {
    const approved = ok(approveFindings(submitted(), AVA, reviewer, LATER));
    expect(approved).toMatchObject({ status: 'reviewed', review: { officerId: OFFICER } });
    const again = approveFindings(withAssignment(submitted(), approved), AVA, reviewer, LATER);
    expect(again.ok).toBe(false);
  });

  it('returns them with a reason, opening the assignment for findings again', () => {
    const returned = ok(returnFindings(submitted(), AVA, reviewer, ' Which day? ', LATER));
    expect(returned).toMatchObject({
      status: 'accepted',
      returned: { officerId: OFFICER, reason: 'Which day?', returnedAt: LATER },
    });
    expect('submission' in returned).toBe(false);
    const resent = submitFindings(
      withAssignment(submitted(), returned),
      AVA,
      { answers: GOOD_ANSWERS, findings: GOOD_FINDINGS, offers: OFFERS },
      LATER,
    );
    expect(resent.ok).toBe(true);
    if (resent.ok) expect(resent.value.assignments[0]).not.toHaveProperty('returned');
  });

  it('needs a reason to return, an officer, someone else’s findings and findings to review', () => {
    const blank = returnFindings(submitted(), AVA, reviewer, ' ', LATER);
    expect(blank.ok ? [] : blank.refusals.map((r) => r.code)).toEqual([
      'check.return-reason-required',
    ]);
    const member = approveFindings(submitted(), AVA, { personId: 'x', roles: ['member'] }, LATER);
    expect(member.ok ? [] : member.refusals.map((r) => r.code)).toEqual([
      'check.reviewer-not-officer',
    ]);
    const own = approveFindings(submitted(), AVA, { personId: AVA, roles: ['officer'] }, LATER);
    expect(own.ok ? [] : own.refusals.map((r) => r.code)).toEqual(['check.review-own-findings']);
    const early = approveFindings(acceptedCheck(), AVA, reviewer, LATER);
    expect(early.ok ? [] : early.refusals.map((r) => r.code)).toEqual(['check.nothing-to-review']);
  });
});
