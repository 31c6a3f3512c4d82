import type { Server } from 'restify';
import type { Messenger } from '../../app/messaging/messenger';
import type { SpeakerSettings } from '../../app/conversations/speaker';
import type { AppContext } from '../../app/shared/context';
import type { SlackConfig } from '../../config';
import type { Logger } from '../../log/logger';
import { InboundLedger, TAKE_OVER_AFTER_MS } from '../../store/inbound-ledger';
import { AcksInFlight } from './listeners/after-ack';
import { RestifyReceiver } from './restify-receiver';
import { createOAuthSlackApp, createSlackApp } from './slack-app';
import { SocketModeReceiver } from './socket-mode-receiver';

export interface MountedSlack {
  messenger: Messenger;
  /** Closes what Slack reaches the bot through that the HTTP server does not: the socket. */
  stop(): Promise<void>;
  /** Does the work of commands and clicks whose process died after their ack (a schedule). */
  replayUnfinished(now: Date): Promise<number>;
}

/**
 * Puts Slack on the shared server: the receiver on its paths and Bolt's app behind it. Loaded only when Slack is configured, so a Teams-only
 * landlord's bot never loads Bolt (about 30 MB of memory).
 */
export function mountSlack(
  server: Server,
  config: Exclude<SlackConfig, { mode: 'off' }>,
  deps: { ctx: AppContext; settings: SpeakerSettings; log: Logger },
  options: { now?: () => number } = {},
): MountedSlack {
  const { ctx, settings, log } = deps;
  const ledger = new InboundLedger(ctx.db);
  if (config.mode === 'socket-mode') {
    // Behind a firewall: nothing is served on /api/slack/*; the bot dials out to Slack instead.
    const socket = new SocketModeReceiver({
      appToken: config.appToken,
      apiUrl: config.apiUrl,
      ledger,
      log,
    });
    const { messenger } = createSlackApp(config, socket, log, { ctx, settings });
    // Not awaited: start-up does not wait for Slack, which may be unreachable for a while; the
    // client keeps trying, and a refused token is logged.
    socket
      .start()
      .catch((error: unknown) =>
        log.error(
          { err: error },
          'Slack: Socket Mode could not connect; check SLACK_APP_TOKEN (scope connections:write) and that Socket Mode is on in the app',
        ),
      );
    return {
      messenger,
      stop: () => socket.stop(),
      replayUnfinished: (now) => socket.replayUnfinished(now, TAKE_OVER_AFTER_MS),
    };
  }
  const acks = new AcksInFlight();
  const receiver = new RestifyReceiver({
    signingSecret: config.signingSecret,
    ledger,
    log,
    acks,
    ...(options.now ? { now: options.now } : {}),
  });
  let messenger: Messenger;
  if (config.mode === 'single-workspace') {
    messenger = createSlackApp(config, receiver, log, { ctx, settings, acks }).messenger;
    receiver.mount(server);
  } else {
    const created = createOAuthSlackApp(config, receiver, log, { ctx, settings, acks });
    messenger = created.messenger;
    receiver.mount(server, created.installer);
  }
  return {
    messenger,
    stop: () => receiver.stop(),
    replayUnfinished: (now) => receiver.replayUnfinished(now, TAKE_OVER_AFTER_MS),
  };
}
