import { App } from '@slack/bolt';
import type { SlackConfig } from '../../config';
import type { Logger } from '../../log/logger';
import { boltLogger } from './bolt-logger';
import { registerSlackListeners, type SlackListenerDeps } from './listeners';
import { SlackMessenger } from './slack-messenger';
import type { RestifyReceiver } from './restify-receiver';

/** The Bolt app for one-workspace installs: listeners registered, HTTP left to the receiver. */
export function createSlackApp(
  config: Extract<SlackConfig, { mode: 'single-workspace' }>,
  receiver: RestifyReceiver,
  log: Logger,
  deps: Omit<SlackListenerDeps, 'messenger' | 'log'>,
): App {
  const app = new App({
    receiver,
    token: config.botToken,
    logger: boltLogger(log),
    clientOptions: { slackApiUrl: config.apiUrl },
  });
  registerSlackListeners(app, {
    ...deps,
    log,
    messenger: new SlackMessenger(app.client, deps.ctx.db),
  });
  return app;
}
