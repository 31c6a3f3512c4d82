import { z } from 'zod';

/**
 * The fields of a Bot Framework activity the bot relies on. botbuilder validates the rest;
 * this turns a malformed activity into a 400 with a reason instead of a thrown error.
 */
const text = (what: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? `${what} is missing` : `${what} must be a string`,
  });
const id = (what: string) => text(what).min(1, `${what} is missing`);
const optionalText = (what: string) => text(what).optional();

/**
 * An Adaptive Card Action.Execute, as Teams sends it:
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
 */
const cardActionValue = z.looseObject({
  action: z.looseObject({
    verb: z.string('value.action.verb must be a string').min(1).max(64),
    data: z.record(z.string(), z.unknown(), 'value.action.data must be an object').optional(),
  }),
});

/**
 * The fields of a Bot Framework activity the bot relies on, each as the type it must be: every
 * one of them reaches a query or a decision, so an object where a string belongs (a tenant id
 * of `{"$ne":null}`) is a 400, never a filter. botbuilder validates the rest.
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object
 */
export const incomingActivitySchema = z
  .looseObject({
    type: id('activity type'),
    id: optionalText('id'),
    name: optionalText('name'),
    serviceUrl: z.url({
      error: (issue) =>
        issue.input === undefined ? 'serviceUrl is missing' : 'serviceUrl must be a URL',
    }),
    channelId: id('channelId'),
    from: z.looseObject({
      id: id('from.id'),
      name: optionalText('from.name'),
      aadObjectId: optionalText('from.aadObjectId'),
    }),
    conversation: z.looseObject({
      id: id('conversation.id'),
      conversationType: optionalText('conversation.conversationType'),
      tenantId: optionalText('conversation.tenantId'),
    }),
    recipient: z.looseObject({ id: id('recipient.id') }),
    text: optionalText('text'),
    channelData: z
      .looseObject({
        tenant: z.looseObject({ id: optionalText('channelData.tenant.id') }).optional(),
        team: z
          .looseObject({
            id: optionalText('channelData.team.id'),
            name: optionalText('channelData.team.name'),
          })
          .optional(),
        channel: z.looseObject({ id: optionalText('channelData.channel.id') }).optional(),
      })
      .optional(),
    entities: z
      .array(
        z.looseObject({
          type: z.string('entities[].type must be a string'),
          mentioned: z
            .looseObject({
              id: id('entities[].mentioned.id'),
              name: optionalText('entities[].mentioned.name'),
            })
            .optional(),
        }),
      )
      .optional(),
    attachments: z
      .array(
        z.looseObject({
          contentType: optionalText('attachments[].contentType'),
          name: optionalText('attachments[].name'),
          contentUrl: optionalText('attachments[].contentUrl'),
        }),
      )
      .optional(),
    value: z.unknown().optional(),
  })
  .superRefine((activity, check) => {
    if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return;
    const value = cardActionValue.safeParse(activity.value);
    if (!value.success)
      check.addIssue({
        code: 'custom',
        path: ['value', ...(value.error.issues[0]?.path ?? [])],
        message: value.error.issues[0]?.message ?? 'not an Action.Execute',
      });
  });

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** One short sentence naming the first problem found. */
export function describeActivityProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed activity';
  const path = issue.path.join('.');
  // Our own messages already name their field (with [] for any item of a list).
  if (path && issue.message.startsWith(path.replace(/\.\d+/g, '[]'))) return issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `${path || 'activity'} is missing`;
  return path ? `${path}: ${issue.message}` : issue.message;
}
