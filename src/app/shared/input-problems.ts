import type { z } from 'zod';
import type { Refusal } from '../../domain/shared/result';

/** One sentence for chat: "Please check: title: required; dueOn: expected a date like 2026-12-01." */
export function describeInputProblems(error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  return `Please check: ${parts.join('; ')}.`;
}

/** A bad input as one refusal, pointing at the first field at fault so a form can mark it. */
export function inputRefusal(error: z.ZodError): Refusal {
  const first = error.issues[0]?.path[0];
  return {
    code: 'invalid-input',
    message: describeInputProblems(error),
    ...(typeof first === 'string' ? { field: first } : {}),
  };
}
