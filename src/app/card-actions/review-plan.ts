import { z } from 'zod';
import { refusalReply } from '../dispatch/reply';
import { respondReply, responseForm } from '../commands/review-plan';
import { defineCardAction, ref } from './card-action';

/**
 * Management answer the agreed recommendations from their own chat (Sedgemoor ToR 4.3(6), 6.2):
 * Teams shows the inputs on the card, Slack opens them in a modal from a button.
 */
export const reviewRespondOpen = defineCardAction({
  verb: 'review.respond-open',
  fields: { ref },
  answersWithForm: true,
  async handle(ctx, speaker, action) {
    return responseForm(ctx, speaker, action.ref);
  },
});

const decisionKey = /^decision-([1-9]\d{0,5})$/;
const answer = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.enum(['accept', 'reject']).optional(),
);
const reason = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().max(500, { error: 'keep each reason to 500 characters' }).optional(),
);

/** One `decision-<n>` (accept or reject) and `reason-<n>` per recommendation on the form. */
export const reviewRespond = defineCardAction({
  verb: 'review.respond',
  fields: { ref },
  keepsOtherFields: true,
  async handle(ctx, speaker, action) {
    const fields = action as Record<string, unknown>;
    const responses: Array<{
      recommendationId: string;
      decision: 'accept' | 'reject';
      reason?: string;
    }> = [];
    const problems: string[] = [];
    for (const key of Object.keys(fields)) {
      const id = decisionKey.exec(key)?.[1];
      if (!id) continue;
      const decision = answer.safeParse(fields[key]);
      const why = reason.safeParse(fields[`reason-${id}`]);
      if (!decision.success) problems.push(`Recommendation ${id}: choose accept or reject.`);
      else if (!why.success)
        problems.push(`Recommendation ${id}: keep the reason to 500 characters.`);
      else if (decision.data)
        responses.push({
          recommendationId: id,
          decision: decision.data,
          ...(why.data ? { reason: why.data } : {}),
        });
    }
    if (problems.length > 0)
      return refusalReply(
        problems.map((message) => ({ code: 'review.response-unreadable', message })),
        'Your response was not recorded',
      );
    return respondReply(ctx, speaker, action.ref, responses);
  },
});
