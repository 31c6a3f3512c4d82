import { App } from '@slack/bolt';
import type { SlackConfig } from '../../config';
import type { Logger } from '../../log/logger';
import { boltLogger } from './bolt-logger';
import { registerSlackListeners } from './listeners';
import type { RestifyReceiver } from './restify-receiver';

/** The Bolt app for one-workspace installs: listeners registered, HTTP left to the receiver. */
export function createSlackApp(
  config: Extract<SlackConfig, { mode: 'single-workspace' }>,
  receiver: RestifyReceiver,
  log: Logger,
): App {
  const app = new App({
    receiver,
    token: config.botToken,
    logger: boltLogger(log),
    clientOptions: { slackApiUrl: config.apiUrl },
  });
  registerSlackListeners(app);
  return app;
}
