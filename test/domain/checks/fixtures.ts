import type { Answers, Findings, RealityCheck } from '../../../src/domain/checks';

/** A test email to the Torus Customer Hub, testing the Liverpool "within 4 hours" offer. */
export function testEmailCheck(overrides: Partial<RealityCheck> = {}): RealityCheck {
  return {
    id: 'check-1',
    groupId: 'torus-tims',
    kind: 'test-email',
    standardKey: 'emails-acknowledged-within-4-hours',
    area: 'Liverpool',
    dueOn: '2021-08-31',
    assignments: [],
    ...overrides,
  };
}

export const OFFICER = 'officer-1';
export const AT = new Date('2021-08-02T09:00:00Z');
export const LATER = new Date('2021-08-03T15:00:00Z');

export const GOOD_ANSWERS: Answers = {
  'tem-sent-at': 'Monday 2 August, 9.05am',
  'tem-acknowledged': true,
  'tem-within-4-hours': false,
  'tem-hours-to-acknowledge': 6,
  'tem-full-reply': true,
  'tem-clarity': 4,
};

export const GOOD_FINDINGS: Findings = {
  strengths: ['The full reply answered the question clearly.'],
  weaknesses: ['The acknowledgement took 6 opening hours against the 4-hour local offer.'],
  recommendations: ['Send an automatic acknowledgement with a reference number.'],
  evidence: ['https://torus.sharepoint.example/tims/check-1/email-thread.pdf'],
};
