/**
 * Kept apart from bot-metrics so the HTTP server can label requests without loading
 * prom-client, which loads only where metrics are on.
 */
export type ChannelLabel = 'teams' | 'slack' | 'files' | 'health' | 'other';

/** The route a request came in on, as a metric label. */
export function channelOfPath(path: string): ChannelLabel {
  if (path.startsWith('/api/messages')) return 'teams';
  if (path.startsWith('/api/slack')) return 'slack';
  if (path.startsWith('/files')) return 'files';
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return 'health';
  return 'other';
}
