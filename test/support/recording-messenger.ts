import type {
  Messenger,
  OutgoingMessage,
  Recipient,
  SendOutcome,
} from '../../src/app/messaging/messenger';

/**
 * Our own Messenger port, recording what the scheduler sends (the platform adapters behind it
 * are tested against nocked Slack and Bot Connector APIs). `failNext` queues outcomes to return
 * instead of sending; `crashOn` throws on the nth send, as if the process died mid-send.
 */
export class RecordingMessenger implements Messenger {
  readonly sent: Array<{ to: Recipient; message: OutgoingMessage }> = [];
  private readonly failures: SendOutcome[] = [];
  private sends = 0;
  crashOn: number | undefined;

  failNext(...outcomes: SendOutcome[]): void {
    this.failures.push(...outcomes);
  }

  send(to: Recipient, message: OutgoingMessage): Promise<SendOutcome> {
    this.sends += 1;
    if (this.crashOn === this.sends) return Promise.reject(new Error('process died mid-send'));
    const failure = this.failures.shift();
    if (failure) return Promise.resolve(failure);
    this.sent.push({ to, message });
    return Promise.resolve({ sent: true, messageId: `m${this.sent.length}` });
  }

  /** What went to one person, as "<heading>" lines. */
  to(personId: string): string[] {
    return this.sent
      .filter((s) => s.to.kind === 'person' && s.to.personId === personId)
      .map((s) => String((s.message.card?.viewModel as { heading?: string }).heading));
  }
}
