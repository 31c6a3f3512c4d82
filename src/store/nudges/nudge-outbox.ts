import type { Connection } from 'mongoose';
import { OutboxStore } from '../outbox/outbox-store';
import { nudgeModel, type NudgeRecord } from './nudge-model';

/**
 * The reminders to send: written before anything is sent, then moved on one version at a time.
 * Queueing leaves a reminder already queued (its deadline, stage and recipient) as it is.
 */
export class NudgeOutbox extends OutboxStore<NudgeRecord> {
  constructor(connection: Connection) {
    super(nudgeModel(connection));
  }
}
