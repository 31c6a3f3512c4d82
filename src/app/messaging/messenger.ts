/** What the bot says on its own initiative: a card, with plain text for notifications. */
export interface OutgoingMessage {
  text: string;
  card?: { name: string; viewModel: unknown };
}

export type Recipient =
  | { kind: 'person'; organisationId: string; personId: string }
  | { kind: 'conversation'; organisationId: string; conversationId: string };

export type SendOutcome =
  | { sent: true; messageId?: string }
  /** `retryable`: the platform was busy or failing (429, 5xx); try again later. */
  | { sent: false; retryable: boolean; reason: string; retryAfterMs?: number };

/**
 * The one proactive-message function: the scheduler and the use-cases call it without knowing
 * which platform the organisation runs. Each channel adapter provides one.
 */
export interface Messenger {
  send(to: Recipient, message: OutgoingMessage): Promise<SendOutcome>;
}
