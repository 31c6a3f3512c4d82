import type { Connection } from 'mongoose';
import { OutboxStore } from '../outbox/outbox-store';
import { deliveryModel, type DeliveryRecord } from './delivery-model';

/** Messages to other people, queued before they are sent (see delivery-model.ts). */
export class DeliveryOutbox extends OutboxStore<DeliveryRecord> {
  constructor(connection: Connection) {
    super(deliveryModel(connection));
  }

  /** The records under these keys, e.g. the ones a command just queued (or queued before). */
  async byKeys(keys: readonly string[]): Promise<DeliveryRecord[]> {
    if (keys.length === 0) return [];
    return this.model.find({ key: { $in: [...keys] } }).lean<DeliveryRecord[]>();
  }

  async byId(id: string): Promise<DeliveryRecord | null> {
    return this.model.findById(id).lean<DeliveryRecord>();
  }

  /** What this person caused that could not be delivered, newest first. */
  async failedCausedBy(
    organisationId: string,
    personId: string,
    limit: number,
  ): Promise<DeliveryRecord[]> {
    return this.model
      .find({ causedBy: personId, state: 'failed', organisationId })
      .sort({ failedAt: -1 })
      .limit(limit)
      .lean<DeliveryRecord[]>();
  }
}
