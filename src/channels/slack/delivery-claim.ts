import type { App } from '@slack/bolt';
import type { Logger } from '../../log/logger';
import type { Claim } from '../../store/inbound-ledger';
import type { SlackRequest } from './slack-request';

/** Claims a delivery id once across every bot instance (see store/inbound-ledger). */
export interface DeliveryLedger {
  claim(deliveryId: string): Promise<boolean>;
  claimToReplay(deliveryId: string, request: Record<string, unknown>): Promise<Claim>;
  finishKept(deliveryId: string): Promise<void>;
  release(deliveryId: string): Promise<void>;
  unfinished(
    before: Date,
    limit: number,
  ): Promise<Array<{ deliveryId: string; request: Record<string, unknown>; claim: Claim }>>;
  takeOver(claim: Claim, deliveryId: string, now?: Date): Promise<boolean>;
}

/** A delivery whose work is kept until done: its id, the seed of its records' ids, its ledger. */
export interface KeptDelivery {
  id: string;
  seed: string;
  replay: boolean;
  finish(): Promise<void>;
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
 * Commands and button clicks are acknowledged before their work, and Slack never sends an
 * acknowledged request again: their request is kept with the claim, written before the ack, so
 * that if this process dies with the work undone another instance does it (replayUnfinished).
 * Events are acknowledged after their listeners (a failure gets Slack's retry), and a form's ack
 * carries its outcome, so theirs is a plain claim.
 */
export function keptUntilDone(request: SlackRequest): boolean {
  return (
    request.kind === 'command' ||
    (request.kind === 'interaction' && request.body.type === 'block_actions')
  );
}

/**
 * Claims a command or click and keeps its request (see keptUntilDone). Unclaimed when the
 * database cannot take the claim: the work goes on and tells the person to try again.
 */
export async function claimKept(
  ledger: DeliveryLedger,
  deliveryId: string,
  body: Record<string, unknown>,
  log: Logger,
): Promise<{ outcome: ClaimOutcome; kept?: KeptDelivery }> {
  if (!deliveryId) return { outcome: 'unclaimed' };
  try {
    const claim = await ledger.claimToReplay(deliveryId, body);
    if (!claim.first) return { outcome: 'repeat' };
    return { outcome: 'first', kept: keptDelivery(ledger, deliveryId, claim.seed, false) };
  } catch (error) {
    log.warn({ err: error, deliveryId }, 'slack delivery could not be claimed; handled unclaimed');
    return { outcome: 'unclaimed' };
  }
}

/** Claims any request the receiver takes: kept until done where keptUntilDone says so. */
export async function claimRequest(
  ledger: DeliveryLedger,
  deliveryId: string,
  request: Exclude<SlackRequest, { kind: 'url_verification' }>,
  log: Logger,
): Promise<{ outcome: ClaimOutcome; kept?: KeptDelivery }> {
  if (keptUntilDone(request)) return claimKept(ledger, deliveryId, request.body, log);
  return { outcome: await claimDelivery(ledger, deliveryId, log) };
}

function keptDelivery(
  ledger: DeliveryLedger,
  id: string,
  seed: string,
  replay: boolean,
): KeptDelivery {
  return { id, seed, replay, finish: () => ledger.finishKept(id) };
}

/**
 * Does the work of kept requests whose handling began more than TAKE_OVER_AFTER_MS ago and never
 * finished: their process died after the ack. Each is taken over by one instance and handed to
 * Bolt as it first arrived, its ack going nowhere (Slack had it long ago); its answer goes to its
 * response URL, as a first run's does. Run on the sweep's schedule. Returns how many were taken.
 */
export async function replayUnfinished(
  app: App,
  ledger: DeliveryLedger,
  log: Logger,
  now: Date,
  olderThanMs: number,
): Promise<number> {
  let taken = 0;
  for (const { deliveryId, request, claim } of await ledger.unfinished(
    new Date(now.getTime() - olderThanMs),
    50,
  )) {
    if (!claim.first && claim.seed && (await ledger.takeOver(claim, deliveryId, now))) {
      taken += 1;
      log.warn({ deliveryId }, 'slack request left unfinished by its process; doing its work');
      try {
        await app.processEvent({
          body: request,
          ack: async () => undefined,
          customProperties: {
            ...pendingClaimProperties(Promise.resolve('first')),
            ...keptProperties(keptDelivery(ledger, deliveryId, claim.seed, true)),
          },
        });
      } catch (error) {
        // Given up rather than tried every sweep: the person was answered at the ack, and sees
        // no result; the log says which request.
        log.error({ err: error, deliveryId }, 'slack request could not be done again; given up');
      }
      await ledger.finishKept(deliveryId);
    }
  }
  return taken;
}

/** The context property Bolt passes a kept delivery to listeners under. */
const KEPT_DELIVERY = 'scrutinyKeptDelivery';

export function keptProperties(kept: KeptDelivery | undefined): Record<string, unknown> {
  return kept ? { [KEPT_DELIVERY]: kept } : {};
}

export function keptDeliveryOf(context: Record<string, unknown>): KeptDelivery | undefined {
  const kept = context[KEPT_DELIVERY];
  return kept && typeof kept === 'object' ? (kept as KeptDelivery) : undefined;
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
