import type { Reply } from '../dispatch/reply';
import type { AppContext } from '../shared/context';
import { DeliveryPost, type DeliveryOrigin } from './delivery-post';
import { notDeliveredNote } from './failed-deliveries';
import type { Messenger } from './messenger';

/**
 * A reply's deliveries, from either channel: queued in the outbox, tried once now, and what the
 * person who acted should hear about any the platform did not take (undefined when all went).
 */
export async function postDeliveries(
  ctx: AppContext,
  messenger: Messenger,
  reply: Pick<Reply, 'deliveries'>,
  origin: DeliveryOrigin,
): Promise<string | undefined> {
  const deliveries = reply.deliveries ?? [];
  if (deliveries.length === 0) return undefined;
  const undelivered = await new DeliveryPost(ctx, messenger).post(deliveries, origin);
  return notDeliveredNote(ctx, undelivered);
}
