import type { Server } from 'restify';
import type { Messenger } from '../../app/messaging/messenger';
import type { SpeakerSettings } from '../../app/conversations/speaker';
import type { AppContext } from '../../app/shared/context';
import type { SlackConfig } from '../../config';
import type { Logger } from '../../log/logger';
import { InboundLedger } from '../../store/inbound-ledger';
import { RestifyReceiver } from './restify-receiver';
import { createOAuthSlackApp, createSlackApp } from './slack-app';

/**
 * Puts Slack on the shared server: the receiver on its paths and Bolt's app behind it. Loaded only when Slack is configured, so a Teams-only
 * landlord's bot never loads Bolt (about 30 MB of memory).
 */
export function mountSlack(
  server: Server,
  config: Exclude<SlackConfig, { mode: 'off' }>,
  deps: { ctx: AppContext; settings: SpeakerSettings; log: Logger },
  options: { now?: () => number } = {},
): Messenger {
  const { ctx, settings, log } = deps;
  const ledger = new InboundLedger(ctx.db);
  const receiver = new RestifyReceiver({
    signingSecret: config.signingSecret,
    ledger,
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  let messenger: Messenger;
  if (config.mode === 'single-workspace') {
    messenger = createSlackApp(config, receiver, log, { ctx, settings }).messenger;
    receiver.mount(server);
  } else {
    const created = createOAuthSlackApp(config, receiver, log, { ctx, settings });
    messenger = created.messenger;
    receiver.mount(server, created.installer);
  }
  return messenger;
}
