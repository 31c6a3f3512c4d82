import type { Refusal } from '../shared/result';
import type { Checklist, ChecklistQuestion } from './checklist';
import { RATING_MAX, RATING_MIN } from './checklist';
import type { Answer, Answers } from './reality-check';

/**
 * Checks a member's answers against the checklist: every required question answered, each
 * answer of the right type, and no answers to questions that are not on the checklist (a
 * typo in an id would otherwise lose the answer silently). Returns every problem.
 */
export function validateAnswers(checklist: Checklist, answers: Answers): Refusal[] {
  const refusals: Refusal[] = [];
  const known = new Set(checklist.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id))
      refusals.push({
        code: 'check.answer-unknown-question',
        message: `There is no question "${id}" on the ${checklist.title} checklist.`,
      });
  }
  for (const q of checklist.questions) {
    const answer = answers[q.id];
    if (isBlank(answer)) {
      if (q.required)
        refusals.push({
          code: 'check.answer-required',
          message: `Question "${q.text}" needs an answer.`,
          field: `q.${q.id}`,
        });
      continue;
    }
    const wrongType = typeProblem(q, answer);
    if (wrongType) refusals.push({ ...wrongType, field: `q.${q.id}` });
  }
  return refusals;
}

function isBlank(answer: Answer | undefined): answer is undefined {
  return (
    answer === undefined || answer === null || (typeof answer === 'string' && answer.trim() === '')
  );
}

function typeProblem(q: ChecklistQuestion, answer: Answer): Refusal | undefined {
  switch (q.answer) {
    case 'yes-no':
      return typeof answer === 'boolean'
        ? undefined
        : {
            code: 'check.answer-not-yes-no',
            message: `Question "${q.text}" needs a yes or no answer.`,
          };
    case 'rating':
      return typeof answer === 'number' &&
        Number.isInteger(answer) &&
        answer >= RATING_MIN &&
        answer <= RATING_MAX
        ? undefined
        : {
            code: 'check.answer-not-rating',
            message: `Question "${q.text}" needs a rating from ${RATING_MIN} to ${RATING_MAX}.`,
          };
    case 'number':
      return typeof answer === 'number' && Number.isFinite(answer) && answer >= 0
        ? undefined
        : {
            code: 'check.answer-not-number',
            message: `Question "${q.text}" needs a number of 0 or more.`,
          };
    case 'text':
      return typeof answer === 'string'
        ? undefined
        : {
            code: 'check.answer-not-text',
            message: `Question "${q.text}" needs a written answer.`,
          };
  }
}
