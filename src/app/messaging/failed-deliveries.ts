import { ok, refuse, type Result } from '../../domain/shared/result';
import { AuditTrail } from '../../store/audit/audit-trail';
import type { DeliveryRecord } from '../../store/deliveries/delivery-model';
import { DeliveryOutbox } from '../../store/deliveries/delivery-outbox';
import { PersonBook } from '../../store/people/person-book';
import { CHANGED_MEANWHILE } from '../../store/versioned-update';
import { clipText } from '../dispatch/bounded-list';
import type { Actor } from '../shared/actor';
import type { AppContext } from '../shared/context';
import { parseDelivery } from './delivery-post';

/** How many failed deliveries `mine` and the digest list; older ones wait their turn. */
export const FAILED_SHOWN = 5;
const WHAT_LENGTH = 120;

/** One failed delivery as a card line, with the id its Retry and Give up buttons carry. */
export interface FailedDeliveryLine {
  deliveryId: string;
  to: string;
  what: string;
  why: string;
}

/** Who a delivery was for, in words: a person's name, or their group's chat. */
async function recipientNames(
  ctx: AppContext,
  records: readonly DeliveryRecord[],
): Promise<Map<string, string>> {
  const parsed = records.map((r) => ({ id: r._id, delivery: parseDelivery(r) }));
  const personIds = parsed.flatMap(({ delivery }) =>
    delivery?.to.kind === 'person' ? [delivery.to.personId] : [],
  );
  const names = await new PersonBook(ctx.db).namesOf([...new Set(personIds)]);
  return new Map(
    parsed.map(({ id, delivery }) => [
      id,
      delivery?.to.kind === 'person'
        ? (names.get(delivery.to.personId) ?? 'someone no longer on record')
        : 'the group’s chat',
    ]),
  );
}

/** This person's deliveries that could not be made, as lines for `mine` and the digest. */
export async function failedDeliveriesOf(
  ctx: AppContext,
  actor: Actor,
): Promise<FailedDeliveryLine[]> {
  const failed = await new DeliveryOutbox(ctx.db).failedCausedBy(
    actor.organisationId,
    actor.personId,
    FAILED_SHOWN,
  );
  if (failed.length === 0) return [];
  const names = await recipientNames(ctx, failed);
  return failed.map((record) => ({
    deliveryId: record._id,
    to: names.get(record._id) ?? 'someone',
    what: clipText(parseDelivery(record)?.message.text ?? 'a message', WHAT_LENGTH),
    why: record.lastError ?? 'the platform did not take it',
  }));
}

/**
 * What the person who acted is told when a message they caused was not taken at once: queued
 * for a retry, or refused for good (then it is in their `mine` to retry or give up).
 */
export async function notDeliveredNote(
  ctx: AppContext,
  records: readonly DeliveryRecord[],
): Promise<string | undefined> {
  if (records.length === 0) return undefined;
  const names = await recipientNames(ctx, records);
  const list = (state: 'pending' | 'failed') =>
    [...new Set(records.filter((r) => r.state === state).map((r) => names.get(r._id)))].join(', ');
  const queued = list('pending');
  const failed = list('failed');
  return [
    queued &&
      `Your message to ${queued} is queued: the platform did not take it just now. I will keep trying, and say in \`mine\` if it cannot be delivered.`,
    failed &&
      `Your message to ${failed} could not be delivered. It is in \`mine\`, where you can retry it or give up.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The failed delivery, if it is this person's to act on. */
async function ownFailed(
  ctx: AppContext,
  actor: Actor,
  deliveryId: string,
): Promise<Result<DeliveryRecord>> {
  const record = await new DeliveryOutbox(ctx.db).byId(deliveryId);
  if (
    !record ||
    record.organisationId !== actor.organisationId ||
    record.causedBy !== actor.personId
  )
    return refuse('delivery.not-found', 'I cannot find that message among yours.');
  if (record.state !== 'failed')
    return refuse(
      'delivery.not-failed',
      record.state === 'given-up'
        ? 'You have already given up on that message.'
        : 'That message is already on its way again.',
    );
  return ok(record);
}

async function audit(
  ctx: AppContext,
  actor: Actor,
  record: DeliveryRecord,
  action: string,
): Promise<void> {
  await new AuditTrail(ctx.db).append({
    organisationId: record.organisationId,
    subject: { kind: 'delivery', id: record._id },
    action,
    actorId: actor.personId,
    at: ctx.now(),
    details: { attempts: record.attempts, lastError: record.lastError ?? '' },
  });
}

/** Retry: queued again with its attempts reset, for the next sweep to send. */
export async function retryDelivery(
  ctx: AppContext,
  actor: Actor,
  deliveryId: string,
): Promise<Result<DeliveryRecord>> {
  const found = await ownFailed(ctx, actor, deliveryId);
  if (!found.ok) return found;
  const requeued = await new DeliveryOutbox(ctx.db).updateIfUnchanged(found.value, {
    state: 'pending',
    attempts: 0,
    nextAttemptAt: ctx.now(),
  });
  if (!requeued) return { ok: false, refusals: [CHANGED_MEANWHILE] };
  await audit(ctx, actor, found.value, 'delivery.retried');
  return ok(requeued);
}

/** Give up: never sent, kept on record as given up. */
export async function giveUpDelivery(
  ctx: AppContext,
  actor: Actor,
  deliveryId: string,
): Promise<Result<DeliveryRecord>> {
  const found = await ownFailed(ctx, actor, deliveryId);
  if (!found.ok) return found;
  const stopped = await new DeliveryOutbox(ctx.db).updateIfUnchanged(found.value, {
    state: 'given-up',
  });
  if (!stopped) return { ok: false, refusals: [CHANGED_MEANWHILE] };
  await audit(ctx, actor, found.value, 'delivery.given-up');
  return ok(stopped);
}
