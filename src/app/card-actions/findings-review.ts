import { z } from 'zod';
import { approveCheckFindings, returnCheckFindings } from '../checks/findings-review-use-cases';
import { approvedReply, returnedReply } from '../checks/findings-replies';
import { refusalReply } from '../dispatch/reply';
import { defineCardAction, emptyToUndefined, id, ref } from './card-action';

/** The officer's Approve on a "findings to review" card. */
export const findingsApprove = defineCardAction({
  verb: 'findings.approve',
  fields: { ref, inspector: id },
  async handle(ctx, speaker, action) {
    const result = await approveCheckFindings(ctx, speaker.actor, {
      checkRef: action.ref,
      inspectorId: action.inspector,
    });
    if (!result.ok) return refusalReply(result.refusals, 'The findings were not approved');
    return approvedReply(ctx, speaker, result.value);
  },
});

/**
 * The officer's Return: the reason comes from the card's own text box in Teams, and from a small
 * modal in Slack, whose buttons cannot carry one (SLACK_ASK_MODALS).
 */
export const findingsReturn = defineCardAction({
  verb: 'findings.return',
  fields: {
    ref,
    inspector: id,
    reason: z.preprocess(emptyToUndefined, z.string().trim().max(500).optional()),
  },
  async handle(ctx, speaker, action) {
    const reason = action.reason ?? '';
    const result = await returnCheckFindings(ctx, speaker.actor, {
      checkRef: action.ref,
      inspectorId: action.inspector,
      reason,
    });
    if (!result.ok) return refusalReply(result.refusals, 'The findings were not returned');
    return returnedReply(ctx, result.value, reason);
  },
});
