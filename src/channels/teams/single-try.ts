import type { TurnContext } from 'botbuilder';

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/**
 * Proactive sends go through our outbox, which already retries with backoff, honours
 * Retry-After and records each attempt. Bot Framework's connector client would also retry a 5xx
 * up to three times with its own waits, holding a whole sweep for seconds per message, so for
 * those sends its retry policy is taken out. The pipeline is not public API: if a later
 * botbuilder moves it, this does nothing and the client's own retries simply stay.
 */
export function withoutClientRetries(context: TurnContext): void {
  const connector = context.turnState.get<PipelineHolder | undefined>(
    context.adapter.ConnectorClientKey,
  );
  connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}
