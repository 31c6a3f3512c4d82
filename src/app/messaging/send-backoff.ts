import type { SendOutcome } from './messenger';

/** How an outbox waits between attempts at a message the platform did not take. */
export interface BackoffPolicy {
  firstMs: number;
  longestMs: number;
  /**
   * Full jitter (a wait anywhere up to the backoff): many messages failing in the same outage
   * then come back spread out instead of all at once.
   */
  jitter: boolean;
  /** Attempts in all before giving up; none for reminders, which their deadline bounds. */
  maxAttempts?: number;
  /**
   * A refusal that is neither a 429 nor a 5xx (a card too large, a chat gone) will not succeed
   * by trying again: `stop`, or for reminders wait the longest and try once an hour.
   */
  onRefusal: 'stop' | 'wait-longest';
}

export type NextStep = { retry: true; waitMs: number } | { retry: false };

export type SendFailure = Extract<SendOutcome, { sent: false }>;

/** After a failed attempt (`attemptsBefore` made before it): when to try again, if at all. */
export function afterFailure(
  outcome: SendFailure,
  attemptsBefore: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): NextStep {
  if (policy.maxAttempts !== undefined && attemptsBefore + 1 >= policy.maxAttempts)
    return { retry: false };
  if (!outcome.retryable)
    return policy.onRefusal === 'stop'
      ? { retry: false }
      : { retry: true, waitMs: policy.longestMs };
  // The platform's own Retry-After is a floor it asked for: honoured as given.
  if (outcome.retryAfterMs) return { retry: true, waitMs: outcome.retryAfterMs };
  const backoff = Math.min(policy.longestMs, policy.firstMs * 2 ** attemptsBefore);
  return { retry: true, waitMs: policy.jitter ? Math.floor(random() * backoff) : backoff };
}
