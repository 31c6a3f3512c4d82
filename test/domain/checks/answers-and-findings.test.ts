import {
  checklistFor,
  isHttpsUrl,
  validateAnswers,
  validateFindings,
} from '../../../src/domain/checks';
import { GOOD_ANSWERS, GOOD_FINDINGS } from './fixtures';

const testEmail = checklistFor('test-email');

describe('Checklist answers (Torus TIMS: "specifically designed checklists")', () => {
  it('accepts a complete test-email checklist, optional questions left out', () => {
    expect(validateAnswers(testEmail, GOOD_ANSWERS)).toEqual([]);
    const { ['tem-clarity']: _c, ['tem-hours-to-acknowledge']: _h, ...requiredOnly } = GOOD_ANSWERS;
    expect(validateAnswers(testEmail, requiredOnly)).toEqual([]);
  });

  it('names each required question left unanswered, counting blank text as unanswered', () => {
    const { ['tem-acknowledged']: _a, ...rest } = GOOD_ANSWERS;
    expect(validateAnswers(testEmail, { ...rest, 'tem-sent-at': '   ' })).toEqual([
      {
        code: 'check.answer-required',
        message: 'Question "What day and time did you send the email?" needs an answer.',
        field: 'q.tem-sent-at',
      },
      {
        code: 'check.answer-required',
        message: 'Question "Did you receive an acknowledgement?" needs an answer.',
        field: 'q.tem-acknowledged',
      },
    ]);
  });

  it('checks every answer type: yes-no, rating 1-5, number of 0 or more, text', () => {
    const refusals = validateAnswers(testEmail, {
      ...GOOD_ANSWERS,
      'tem-acknowledged': 'yes',
      'tem-clarity': 6,
      'tem-hours-to-acknowledge': -1,
      'tem-sent-at': 9,
    });
    expect(refusals.map((r) => r.code)).toEqual([
      'check.answer-not-text',
      'check.answer-not-yes-no',
      'check.answer-not-number',
      'check.answer-not-rating',
    ]);
    expect(refusals[3]?.message).toBe(
      'Question "How clear and easy to understand was the reply (1 very poor to 5 very good)?" needs a rating from 1 to 5.',
    );
  });

  it('refuses a rating that is not a whole number', () => {
    expect(
      validateAnswers(testEmail, { ...GOOD_ANSWERS, 'tem-clarity': 3.5 }).map((r) => r.code),
    ).toEqual(['check.answer-not-rating']);
  });

  it('refuses answers to questions not on the checklist', () => {
    expect(validateAnswers(testEmail, { ...GOOD_ANSWERS, 'tem-colour': 'blue' })).toEqual([
      {
        code: 'check.answer-unknown-question',
        message:
          'There is no question "tem-colour" on the Test email to the Customer Hub checklist.',
      },
    ]);
  });
});

describe('Findings (Torus TIMS feedback reports: strengths, weaknesses, areas for improvement)', () => {
  it('accepts lists of text and https evidence links', () => {
    expect(validateFindings(GOOD_FINDINGS)).toEqual([]);
  });

  it('needs at least one strength, weakness or recommendation', () => {
    expect(
      validateFindings({ strengths: [], weaknesses: [], recommendations: [], evidence: [] }).map(
        (r) => r.code,
      ),
    ).toEqual(['check.findings-empty']);
  });

  it('refuses blank items and non-https evidence, numbering each', () => {
    const refusals = validateFindings({
      strengths: ['Polite reply', ' '],
      weaknesses: [],
      recommendations: [''],
      evidence: [
        'https://ok.example/a',
        'http://insecure.example/b',
        'photo.jpg',
        'javascript:alert(1)',
      ],
    });
    expect(refusals.map((r) => r.message)).toEqual([
      'Strength 2 is empty; remove it or write it out.',
      'Recommendation 1 is empty; remove it or write it out.',
      'Evidence link 2 must be a full https:// address, not "http://insecure.example/b".',
      'Evidence link 3 must be a full https:// address, not "photo.jpg".',
      'Evidence link 4 must be a full https:// address, not "javascript:alert(1)".',
    ]);
  });

  it('isHttpsUrl accepts only https addresses with a host', () => {
    expect(isHttpsUrl('https://example.org/x')).toBe(true);
    expect(isHttpsUrl('HTTPS://EXAMPLE.ORG')).toBe(true);
    expect(isHttpsUrl('ftp://example.org')).toBe(false);
    expect(isHttpsUrl('https://')).toBe(false);
  });
});
