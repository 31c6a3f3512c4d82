import { z } from 'zod';

/**
 * The fields of a Bot Framework activity the bot relies on. botbuilder validates the rest;
 * this turns a malformed activity into a 400 with a reason instead of a thrown error.
 */
export const incomingActivitySchema = z.looseObject({
  type: z.string().min(1, 'activity type is missing'),
  id: z.string().optional(),
  serviceUrl: z.url({ message: 'serviceUrl must be a URL' }),
  channelId: z.string().min(1, 'channelId is missing'),
  from: z.looseObject({ id: z.string().min(1, 'from.id is missing') }),
  conversation: z.looseObject({ id: z.string().min(1, 'conversation.id is missing') }),
  recipient: z.looseObject({ id: z.string().min(1, 'recipient.id is missing') }),
  text: z.string().optional(),
});

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** One short sentence naming the first problem found. */
export function describeActivityProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed activity';
  const path = issue.path.join('.');
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `${path || 'activity'} is missing`;
  return path ? `${path}: ${issue.message}` : issue.message;
}
