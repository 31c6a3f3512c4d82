import type { TurnContext } from 'botbuilder';

/** Marks a turn whose sends are tried once: see sendOnceIn. */
const SEND_ONCE = Symbol('send once');

/**
 * Proactive sends go through our outbox, which already retries with backoff, honours
 * Retry-After and records each attempt. Bot Framework's connector client would also retry a 5xx
 * up to three times with its own waits, holding a whole sweep for seconds per message, so the
 * turn is marked and TeamsAdapter sends its activities through the client's pipeline without
 * its retry policy. The client itself is left as it is: it is shared (kept-clients.ts), and a
 * turn's replies keep their retries. Where botbuilder no longer keeps the pipeline where
 * activity-post.ts looks for it, the client's own retries simply stay.
 */
export function sendOnceIn(context: TurnContext): void {
  context.turnState.set(SEND_ONCE, true);
}

export function sendsOnce(context: TurnContext): boolean {
  return context.turnState.get<boolean | undefined>(SEND_ONCE) === true;
}
