import { blindText, summariseFindingsForPublication } from '../../../src/domain/checks';
import type { Assignment, Submission } from '../../../src/domain/checks';
import { AT, GOOD_ANSWERS, LATER, OFFICER, testEmailCheck } from './fixtures';

function reviewedBy(personId: string, submission: Omit<Submission, 'submittedAt'>): Assignment {
  return {
    status: 'reviewed',
    personId,
    offeredBy: OFFICER,
    offeredAt: AT,
    acceptedAt: AT,
    submission: { ...submission, submittedAt: LATER },
    review: { officerId: OFFICER, note: 'Reviewed with Jane Doe', reviewedAt: LATER },
  };
}

const NAMES = ['Jane Doe', 'Sam Hall', 'Priya Patel'];

describe('Blinded publication of findings (Southampton: "blinded and anonymous so that identities are protected")', () => {
  const check = testEmailCheck({
    assignments: [
      reviewedBy('member-jane', {
        answers: GOOD_ANSWERS,
        findings: {
          strengths: ['Sam Hall in the Hub sent a clear, full reply.'],
          weaknesses: ['Acknowledgement took 6 hours, not 4.'],
          recommendations: ['Send an automatic acknowledgement.'],
          evidence: ['https://torus.example/evidence/1.pdf'],
        },
      }),
      reviewedBy('member-priya', {
        answers: {
          ...GOOD_ANSWERS,
          'tem-within-4-hours': true,
          'tem-clarity': 5,
          'tem-sent-at': 'Priya Patel, Tuesday',
        },
        findings: {
          strengths: ['Reply was signed by sam hall, email sam.hall@torus.example, 0151 555 0123.'],
          weaknesses: ['acknowledgement took 6 hours, not 4.'],
          recommendations: [],
          evidence: [],
        },
      }),
      {
        status: 'submitted',
        personId: 'member-unreviewed',
        offeredBy: OFFICER,
        offeredAt: AT,
        acceptedAt: AT,
        submission: {
          answers: GOOD_ANSWERS,
          findings: {
            strengths: ['Not yet reviewed'],
            weaknesses: [],
            recommendations: [],
            evidence: [],
          },
          submittedAt: LATER,
        },
      },
    ],
  });

  const published = summariseFindingsForPublication(check, { namesToRedact: NAMES });

  it('publishes only officer-reviewed findings, with names, emails and phone numbers removed', () => {
    expect(published).toMatchObject({
      kind: 'test-email',
      title: 'Test email to the Customer Hub',
      standardKey: 'emails-acknowledged-within-4-hours',
      area: 'Liverpool',
      dueOn: '2021-08-31',
      inspectorCount: 2,
      strengths: [
        '[name] in the Hub sent a clear, full reply.',
        'Reply was signed by [name], email [email], [phone].',
      ],
      weaknesses: ['Acknowledgement took 6 hours, not 4.'],
      recommendations: ['Send an automatic acknowledgement.'],
      evidenceCount: 1,
    });
  });

  it('contains no member, officer or staff identity anywhere, and no free-text answers', () => {
    const text = JSON.stringify(published);
    for (const leak of [
      'member-',
      OFFICER,
      'Jane',
      'Doe',
      'Sam',
      'Hall',
      'Priya',
      'Patel',
      'https://',
      '@',
    ]) {
      expect(text).not.toContain(leak);
    }
    expect(published.answers.map((a) => a.questionId)).not.toContain('tem-sent-at');
  });

  it('summarises yes-no and rating answers as counts and averages', () => {
    expect(published.answers).toEqual(
      expect.arrayContaining([
        {
          questionId: 'tem-within-4-hours',
          question: 'Did the acknowledgement arrive within 4 opening hours of sending?',
          answer: 'yes-no',
          yes: 1,
          no: 1,
        },
        {
          questionId: 'tem-clarity',
          question: 'How clear and easy to understand was the reply (1 very poor to 5 very good)?',
          answer: 'rating',
          responses: 2,
          average: 4.5,
        },
      ]),
    );
  });

  it('removes a capitalised name part but keeps ordinary words (the hall was clean)', () => {
    expect(blindText('Hall said the hall was clean', ['Sam Hall'])).toBe(
      '[name] said the hall was clean',
    );
  });
});
