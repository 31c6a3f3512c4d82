import type { Server } from 'restify';
import type { Messenger } from '../../app/messaging/messenger';
import type { SpeakerSettings } from '../../app/conversations/speaker';
import type { AppContext } from '../../app/shared/context';
import type { SlackConfig } from '../../config';
import type { Logger } from '../../log/logger';
import type { Schedules } from '../../scheduler/schedules';
import { SlackDeliveryLedger } from '../../store/slack-deliveries';
import { RestifyReceiver } from './restify-receiver';
import { createOAuthSlackApp, createSlackApp } from './slack-app';

/**
 * Puts Slack on the shared server: the receiver on its paths, Bolt's app behind it, and the
 * hourly pruning of the delivery ledger. Loaded only when Slack is configured, so a Teams-only
 * landlord's bot never loads Bolt (about 30 MB of memory).
 */
export function mountSlack(
  server: Server,
  config: Exclude<SlackConfig, { mode: 'off' }>,
  deps: { ctx: AppContext; settings: SpeakerSettings; schedules: Schedules; log: Logger },
  options: { now?: () => number } = {},
): Messenger {
  const { ctx, settings, schedules, log } = deps;
  const ledger = new SlackDeliveryLedger(ctx.db);
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
  schedules.add('prune-slack-deliveries', '17 * * * *', async () => {
    await ledger.prune(new Date(Date.now() - 24 * 3600 * 1000));
  });
  return messenger;
}
