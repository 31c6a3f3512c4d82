import { Schema, type Connection } from 'mongoose';
import { isDuplicateKeyError } from './connection';
import { defineModel } from './model-registry';

interface InboundRecord {
  /** The platform's own id for the delivery, prefixed by its kind (see the channel adapters). */
  _id: string;
  receivedAt: Date;
  /**
   * What the first delivery answered, as JSON text: a card's own keys (`$schema`, `$data`) are
   * not allowed as field names in every MongoDB-protocol server.
   */
  answer?: string;
}

const inboundSchema = new Schema<InboundRecord>(
  {
    _id: { type: String, required: true },
    receivedAt: { type: Date, required: true, index: true },
    answer: { type: String },
  },
  { collection: 'inbound_deliveries', versionKey: false, minimize: false },
);

const inboundModel = defineModel<InboundRecord>('InboundDelivery', inboundSchema);

export type Claim = { first: true } | { first: false; answer: unknown };

/**
 * Which inbound deliveries (a Teams activity, a Slack event, command, click or form) were taken
 * on, so that a redelivery, a retry or a replay takes effect once. The platform's own id is the
 * unique _id, so the claim holds across instances and at any concurrency.
 */
export class InboundLedger {
  private readonly model;

  constructor(connection: Connection) {
    this.model = inboundModel(connection);
  }

  /** True when this call is the first to claim the delivery. */
  async claim(deliveryId: string, now = new Date()): Promise<boolean> {
    return (await this.claimOrRecall(deliveryId, now)).first;
  }

  /** The first caller gets `first: true`; later ones get whatever the first has answered so far. */
  async claimOrRecall(deliveryId: string, now = new Date()): Promise<Claim> {
    try {
      await this.model.create({ _id: deliveryId, receivedAt: now });
      return { first: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const stored = await this.model.findById(deliveryId).select({ answer: 1 }).lean();
      return {
        first: false,
        answer: stored?.answer === undefined ? undefined : (JSON.parse(stored.answer) as unknown),
      };
    }
  }

  /** Keeps the first delivery's answer for its repeats. */
  async remember(deliveryId: string, answer: unknown): Promise<void> {
    await this.model.updateOne({ _id: deliveryId }, { $set: { answer: JSON.stringify(answer) } });
  }

  /** Gives a claim back when handling failed, so the platform's retry is processed. */
  async release(deliveryId: string): Promise<void> {
    await this.model.deleteOne({ _id: deliveryId });
  }

  /**
   * Slack retries for about an hour and the Bot Connector for minutes; a replayed Slack request
   * is refused by its signature after five. A day of memory is ample. Run by the scheduler.
   */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.model.deleteMany({ receivedAt: { $lt: olderThan } });
    return result.deletedCount;
  }
}
