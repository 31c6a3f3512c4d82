import type { z } from 'zod';

/** One sentence for chat: "Please check: title: required; dueOn: expected a date like 2026-12-01." */
export function describeInputProblems(error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  return `Please check: ${parts.join('; ')}.`;
}
