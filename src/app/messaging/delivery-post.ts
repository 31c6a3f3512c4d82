import { hostname } from 'node:os';
import { z } from 'zod';
import { DeliveryOutbox } from '../../store/deliveries/delivery-outbox';
import type { DeliveryRecord } from '../../store/deliveries/delivery-model';
import { newId } from '../../store/model-registry';
import type { Delivery } from '../dispatch/reply';
import type { AppContext } from '../shared/context';
import type { Messenger, OutgoingMessage, Recipient } from './messenger';
import { afterFailure, type BackoffPolicy } from './send-backoff';

/**
 * Deliveries wait 30 s, doubling to an hour, with full jitter; eight attempts span about four
 * hours, long enough to ride out a platform outage, short enough that the officer hears the
 * same working day that a welcome card never arrived.
 */
export const DELIVERY_BACKOFF: BackoffPolicy = {
  firstMs: 30_000,
  longestMs: 60 * 60 * 1000,
  jitter: true,
  maxAttempts: 8,
  onRefusal: 'stop',
};

const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), organisationId: z.string(), personId: z.string() }),
  z.object({
    kind: z.literal('conversation'),
    organisationId: z.string(),
    conversationId: z.string(),
  }),
]);

const messageSchema = z.object({
  text: z.string(),
  card: z.object({ name: z.string(), viewModel: z.unknown() }).optional(),
});

/** The stored recipient and message, read back through their schemas; null if unreadable. */
export function parseDelivery(
  record: Pick<DeliveryRecord, 'to' | 'message'>,
): { to: Recipient; message: OutgoingMessage } | null {
  try {
    const to = recipientSchema.safeParse(JSON.parse(record.to));
    const message = messageSchema.safeParse(JSON.parse(record.message));
    if (!to.success || !message.success) return null;
    const { text, card } = message.data;
    return { to: to.data, message: card ? { text, card } : { text } };
  } catch {
    return null;
  }
}

/** What caused the deliveries: the inbound delivery's own id (the ledger's key), and who acted. */
export interface DeliveryOrigin {
  /** e.g. `slack-trigger:<trigger_id>`; absent when the platform gave none. */
  inboundKey?: string;
  organisationId: string;
  causedBy: string;
}

export interface DeliveryPostOptions {
  /** Names this instance in claims. */
  instanceId?: string;
  policy?: BackoffPolicy;
  /** For tests: the jitter's randomness. */
  random?: () => number;
  /** A send claimed longer ago than this is taken to have died with its instance. */
  sendTimeoutMs?: number;
  batchSize?: number;
}

export interface DeliverySweepReport {
  read: number;
  sent: number;
  retrying: number;
  failed: number;
}

type AttemptResult = 'sent' | 'retrying' | 'failed' | 'taken';

/**
 * Every message a command causes for someone else goes through here: queued (one record per
 * message, keyed by what caused it), tried at once, and retried by the sweep after Retry-After
 * or a backoff until the platform takes it or attempts run out. Each attempt is claimed with a
 * versioned update, so two instances never send one message twice.
 *
 * As with reminders, the one window for a repeat is an instance dying after the platform took
 * the message and before it was recorded as sent.
 */
export class DeliveryPost {
  private readonly policy: BackoffPolicy;
  private readonly instanceId: string;
  private readonly random: () => number;
  private readonly sendTimeoutMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly ctx: AppContext,
    private readonly messenger: Messenger,
    options: DeliveryPostOptions = {},
  ) {
    this.policy = options.policy ?? DELIVERY_BACKOFF;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}`;
    this.random = options.random ?? Math.random;
    this.sendTimeoutMs = options.sendTimeoutMs ?? 10 * 60 * 1000;
    this.batchSize = options.batchSize ?? 200;
  }

  /**
   * Queues the deliveries, then tries each once. Returns those the platform has not taken yet
   * (waiting for a retry, or failed for good), for the person who acted to be told.
   */
  async post(deliveries: readonly Delivery[], origin: DeliveryOrigin): Promise<DeliveryRecord[]> {
    if (deliveries.length === 0) return [];
    const now = this.ctx.now();
    // Without an inbound id nothing can repeat the command, so any unique key will do.
    const base = origin.inboundKey ?? `once:${newId()}`;
    const records: DeliveryRecord[] = deliveries.map((delivery, index) => ({
      _id: newId(),
      key: `${base}#${index}`,
      organisationId: origin.organisationId,
      causedBy: origin.causedBy,
      to: JSON.stringify(delivery.to),
      message: JSON.stringify(delivery.message),
      state: 'pending',
      createdAt: now,
      nextAttemptAt: now,
      attempts: 0,
      version: 0,
    }));
    const outbox = new DeliveryOutbox(this.ctx.db);
    const queued = await outbox.queue(records);
    // A repeat of the command finds its messages queued already: those records, as they are now.
    const current =
      queued === records.length ? records : await outbox.byKeys(records.map((r) => r.key));
    const notDelivered: DeliveryRecord[] = [];
    for (const record of current) {
      if (record.state !== 'pending' || record.attempts > 0) continue;
      const { result, latest } = await this.attempt(record, now);
      if (result !== 'sent' && result !== 'taken') notDelivered.push(latest);
    }
    return notDelivered;
  }

  /** Sends what is due: retries whose time has come and sends an instance left unfinished. */
  async sweep(): Promise<DeliverySweepReport> {
    const now = this.ctx.now();
    const report: DeliverySweepReport = { read: 0, sent: 0, retrying: 0, failed: 0 };
    const outbox = new DeliveryOutbox(this.ctx.db);
    const staleClaim = new Date(now.getTime() - this.sendTimeoutMs);
    const seen = new Set<string>();
    for (;;) {
      const batch = (await outbox.ready(now, staleClaim, this.batchSize)).filter(
        (d) => !seen.has(d._id),
      );
      report.read += batch.length;
      if (batch.length === 0) return report;
      for (const record of batch) {
        seen.add(record._id);
        const { result } = await this.attempt(record, now);
        if (result !== 'taken') report[result] += 1;
      }
    }
  }

  /** One attempt: claimed first, so of two instances reading the same record one sends it. */
  private async attempt(
    record: DeliveryRecord,
    now: Date,
  ): Promise<{ result: AttemptResult; latest: DeliveryRecord }> {
    const outbox = new DeliveryOutbox(this.ctx.db);
    const claimed = await outbox.updateIfUnchanged(record, {
      state: 'sending',
      claimedAt: now,
      claimedBy: this.instanceId,
    });
    if (!claimed) return { result: 'taken', latest: record };
    const attempts = record.attempts + 1;
    const parsed = parseDelivery(record);
    const outcome = parsed
      ? await this.messenger.send(parsed.to, parsed.message)
      : { sent: false as const, retryable: false, reason: 'the stored message cannot be read' };
    if (outcome.sent) {
      const sent = await outbox.updateIfUnchanged(claimed, {
        state: 'sent',
        sentAt: now,
        attempts,
        ...(outcome.messageId ? { messageId: outcome.messageId } : {}),
      });
      return { result: 'sent', latest: sent ?? claimed };
    }
    const next = afterFailure(outcome, record.attempts, this.policy, this.random);
    const update: Partial<DeliveryRecord> = next.retry
      ? {
          state: 'pending',
          attempts,
          nextAttemptAt: new Date(now.getTime() + next.waitMs),
          lastError: outcome.reason,
        }
      : { state: 'failed', attempts, failedAt: now, lastError: outcome.reason };
    const saved = await outbox.updateIfUnchanged(claimed, update);
    return {
      result: next.retry ? 'retrying' : 'failed',
      latest: saved ?? { ...claimed, ...update },
    };
  }
}
