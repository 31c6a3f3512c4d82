import type { Logger } from '../../log/logger';
import type { SlackRequest } from './slack-request';

/** Claims a delivery id once across every bot instance (see store/inbound-ledger). */
export interface DeliveryLedger {
  claim(deliveryId: string): Promise<boolean>;
  release(deliveryId: string): Promise<void>;
}

export const ALREADY_DONE_TEXT =
  'That request reached me twice; I have acted on it once. Its answer is above.';

/**
 * What claiming a delivery came to: the first time it was seen, a repeat, or not claimed at all
 * (nothing to claim it by, or the database could not take the claim: the request goes on, it
 * cannot write anything either, and its listener tells the person to try again).
 */
export type ClaimOutcome = 'first' | 'repeat' | 'unclaimed';

export async function claimDelivery(
  ledger: DeliveryLedger,
  deliveryId: string,
  log: Logger,
): Promise<ClaimOutcome> {
  if (!deliveryId) return 'unclaimed';
  try {
    return (await ledger.claim(deliveryId)) ? 'first' : 'repeat';
  } catch (error) {
    log.warn({ err: error, deliveryId }, 'slack delivery could not be claimed; handled unclaimed');
    return 'unclaimed';
  }
}

/**
 * Commands and button clicks are acknowledged before their work, and the ack says nothing that
 * depends on the claim, so their claim is not waited for before the ack: the ack costs no
 * database round trip, and the work waits for the claim instead (see workAfterAck). Events are
 * acknowledged after their listeners, and a form's ack carries its outcome, so theirs is taken
 * first.
 */
export function claimedAfterAck(request: SlackRequest): boolean {
  return (
    request.kind === 'command' ||
    (request.kind === 'interaction' && request.body.type === 'block_actions')
  );
}

/** The context property Bolt passes the pending claim to listeners under (customProperties). */
const PENDING_CLAIM = 'scrutinyPendingClaim';

export function pendingClaimProperties(outcome: Promise<ClaimOutcome>): Record<string, unknown> {
  return { [PENDING_CLAIM]: outcome };
}

/** The claim a listener's work must wait for, if the receiver left it pending. */
export function pendingClaimOf(
  context: Record<string, unknown>,
): Promise<ClaimOutcome> | undefined {
  const pending = context[PENDING_CLAIM];
  return pending instanceof Promise ? (pending as Promise<ClaimOutcome>) : undefined;
}
