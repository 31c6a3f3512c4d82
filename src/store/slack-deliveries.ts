import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError } from './connection';

interface SlackDeliveryRecord {
  _id: string;
  receivedAt: Date;
}

const slackDeliverySchema = new Schema<SlackDeliveryRecord>(
  {
    _id: { type: String, required: true },
    receivedAt: { type: Date, required: true, index: true },
  },
  { collection: 'slack_deliveries', versionKey: false },
);

/**
 * Remembers which Slack event ids were taken on, so that Slack's retries of an event we already
 * handled are acknowledged and skipped. The unique _id makes the claim safe across instances.
 */
export class SlackDeliveryLedger {
  private readonly model: Model<SlackDeliveryRecord>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.SlackDelivery as Model<SlackDeliveryRecord> | undefined) ??
      connection.model<SlackDeliveryRecord>('SlackDelivery', slackDeliverySchema);
  }

  /** True when this call is the first to claim the delivery. */
  async claim(deliveryId: string, now = new Date()): Promise<boolean> {
    try {
      await this.model.create({ _id: deliveryId, receivedAt: now });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Gives a claim back when handling failed, so Slack's retry is processed. */
  async release(deliveryId: string): Promise<void> {
    await this.model.deleteOne({ _id: deliveryId });
  }

  /** Slack retries for about an hour; a day of memory is ample. Run by the scheduler. */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.model.deleteMany({ receivedAt: { $lt: olderThan } });
    return result.deletedCount;
  }
}
