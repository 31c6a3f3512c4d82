import { Schema } from 'mongoose';
import { defineModel, idField } from '../model-registry';
import type { OutboxItem } from '../outbox/outbox-store';

export const DELIVERY_STATES = [
  'pending',
  'sending',
  'sent',
  /** Attempts ran out, or the platform refused it as it is (a 4xx): shown to who caused it. */
  'failed',
  'given-up',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * A message a command or click causes for someone other than the person who acted (a check
 * offer, a welcome card, a ballot result), written before it is sent. `key` comes from the
 * inbound delivery that caused it and the message's place in the reply, so the same command
 * delivered twice queues it once.
 */
export interface DeliveryRecord extends OutboxItem {
  key: string;
  organisationId: string;
  /** The person whose command or click caused it: they are told if it cannot be delivered. */
  causedBy: string;
  /** The Recipient as JSON text (parsed with zod on the way out). */
  to: string;
  /**
   * The OutgoingMessage as JSON text: a card's view model may hold keys (`$`-prefixed, dotted)
   * that not every MongoDB-protocol server allows as field names.
   */
  message: string;
  state: DeliveryState;
  createdAt: Date;
  lastError?: string;
  /** When the platform said no for good, or attempts ran out. */
  failedAt?: Date;
  sentAt?: Date;
  messageId?: string;
}

const deliverySchema = new Schema<DeliveryRecord>(
  {
    _id: idField,
    key: { type: String, required: true },
    organisationId: { type: String, required: true },
    causedBy: { type: String, required: true },
    to: { type: String, required: true },
    message: { type: String, required: true },
    state: { type: String, required: true, enum: DELIVERY_STATES },
    createdAt: { type: Date, required: true },
    nextAttemptAt: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 0 },
    claimedAt: { type: Date },
    claimedBy: { type: String },
    lastError: { type: String },
    failedAt: { type: Date },
    sentAt: { type: Date },
    messageId: { type: String },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'deliveries', versionKey: false },
);
deliverySchema.index({ key: 1 }, { unique: true });
// The sweep reads what is waiting and whose time has come.
deliverySchema.index({ state: 1, nextAttemptAt: 1 });
// `mine` and the digest read one officer's failed deliveries.
deliverySchema.index({ causedBy: 1, state: 1 });

export const deliveryModel = defineModel<DeliveryRecord>('Delivery', deliverySchema);
