import { noticeReply, refusalReply } from '../dispatch/reply';
import { giveUpDelivery, retryDelivery } from '../messaging/failed-deliveries';
import { defineCardAction, id } from './card-action';

/** Retry on a failed delivery (in `mine` and the digest): queued again, attempts from nought. */
export const deliveryRetry = defineCardAction({
  verb: 'delivery.retry',
  fields: { deliveryId: id },
  async handle(ctx, speaker, action) {
    const result = await retryDelivery(ctx, speaker.actor, action.deliveryId);
    if (!result.ok) return refusalReply(result.refusals);
    return noticeReply('Queued again: I will try to deliver it within the next few minutes.');
  },
});

/** Give up on a failed delivery: it is never sent, and stays on record as given up. */
export const deliveryGiveUp = defineCardAction({
  verb: 'delivery.give-up',
  fields: { deliveryId: id },
  async handle(ctx, speaker, action) {
    const result = await giveUpDelivery(ctx, speaker.actor, action.deliveryId);
    if (!result.ok) return refusalReply(result.refusals);
    return noticeReply('Given up: I will not try to deliver that message again.', 'info');
  },
});
