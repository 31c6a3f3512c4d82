import type { App } from '@slack/bolt';
import { registerActionListener } from './action-listener';
import { registerCommandListener } from './command-listener';
import type { SlackListenerDeps } from './deps';
import { registerHomeListeners } from './home-listener';
import { registerViewListeners } from './view-listeners';

export type { SlackListenerDeps } from './deps';

/**
 * Bolt listeners, one module per kind of payload: each translates Slack's shape into the
 * channel-neutral command or card action, and the reply back into Block Kit. Every one acks
 * first (Slack allows 3 seconds) and does the work after.
 */
export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  registerCommandListener(app, deps);
  registerActionListener(app, deps);
  registerViewListeners(app, deps);
  registerHomeListeners(app, deps);
}
