import { App, type AuthorizeResult, type Receiver } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import { WebClient } from '@slack/web-api';
import type { SlackConfig } from '../../config';
import type { Logger } from '../../log/logger';
import { organisationModel } from '../../store/organisations/organisation-model';
import { MongoInstallationStore } from '../../store/slack/installation-store';
import { boltLogger } from './bolt-logger';
import { escapingFetch } from './escaping-fetch';
import { afterAckQueue, type AcksInFlight } from './listeners/after-ack';
import { registerSlackListeners, type SlackListenerDeps } from './listeners';
import type { RestifyReceiver } from './restify-receiver';
import { SlackMessenger, type SlackClientFor } from './slack-messenger';

type Deps = Omit<SlackListenerDeps, 'messenger' | 'log' | 'apiUrl' | 'afterAck'> & {
  /** The receiver's count of requests waiting for their ack, which the work gives way to. */
  acks?: AcksInFlight;
};
type OAuthConfig = Extract<SlackConfig, { mode: 'oauth' }>;

/**
 * Our own outbox retries sends (after Retry-After, with backoff) and records failures; the Web
 * API client must not sleep on a 429 or retry for half an hour on its own inside a request.
 * Bolt posts to response URLs with the same fetch, so escapingFetch sees every message's text.
 */
function clientOptions(apiUrl: string) {
  return {
    slackApiUrl: apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    fetch: escapingFetch(),
  };
}

/**
 * The one workspace's token, checked with auth.test on the first request rather than at start
 * (Slack may be unreachable when the bot boots) and cached after, so it costs one call in all;
 * a failed check is forgotten, so the next request tries again.
 */
function botTokenAuthorize(client: WebClient, token: string): () => Promise<AuthorizeResult> {
  let checked: Promise<AuthorizeResult> | undefined;
  return () => {
    checked ??= client.auth
      .test()
      .then((result) => ({
        botToken: token,
        ...(result.bot_id ? { botId: result.bot_id } : {}),
        ...(result.user_id ? { botUserId: result.user_id } : {}),
        ...(result.team_id ? { teamId: result.team_id } : {}),
        ...(result.enterprise_id ? { enterpriseId: result.enterprise_id } : {}),
      }))
      .catch((error: unknown) => {
        checked = undefined;
        throw error;
      });
    return checked;
  };
}

/** The bot scopes we ask for at install: the same list as manifest/slack/manifest.yml. */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'app_mentions:read',
  'files:read',
  'files:write',
  'channels:read',
  'groups:read',
  'mpim:read',
  'users:read',
];

/** The Bolt app for one-workspace installs: listeners registered, HTTP left to the receiver. */
/** Both kinds of app register the same listeners, each with its own after-ack queue. */
function listen(app: App, deps: Deps, log: Logger, messenger: SlackMessenger, apiUrl: string) {
  const { acks, ...listenerDeps } = deps;
  registerSlackListeners(app, {
    ...listenerDeps,
    log,
    messenger,
    apiUrl,
    afterAck: afterAckQueue(acks),
  });
}

/**
 * No Bolt conversation store. Its default keeps state in this process's memory, which a second
 * instance would not see, and nothing here uses it; looking a conversation up in it also made
 * and threw an error for every request from a conversation it had not stored.
 */
const NO_CONVERSATION_STORE = false;

export function createSlackApp(
  config: Extract<SlackConfig, { mode: 'single-workspace' | 'socket-mode' }>,
  receiver: Receiver,
  log: Logger,
  deps: Deps,
): { app: App; messenger: SlackMessenger } {
  const client = new WebClient(config.botToken, clientOptions(config.apiUrl));
  const app = new App({
    receiver,
    authorize: botTokenAuthorize(client, config.botToken),
    logger: boltLogger(log),
    clientOptions: clientOptions(config.apiUrl),
    convoStore: NO_CONVERSATION_STORE,
  });
  const messenger = new SlackMessenger(() => Promise.resolve(client), deps.ctx.db);
  listen(app, deps, log, messenger, config.apiUrl);
  return { app, messenger };
}

/**
 * The Bolt app for many workspaces: each installs it through Slack's OAuth flow, its
 * installation is kept in MongoDB, and every request is authorised with its own workspace's
 * token. The install and redirect pages live on the same receiver.
 */
export function createOAuthSlackApp(
  config: OAuthConfig,
  receiver: RestifyReceiver,
  log: Logger,
  deps: Deps,
): { app: App; messenger: SlackMessenger; installer: InstallProvider } {
  const store = new MongoInstallationStore(deps.ctx.db, deps.ctx.now);
  const installer = new InstallProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stateSecret: config.stateSecret,
    installationStore: store,
    clientOptions: { slackApiUrl: config.apiUrl },
    installUrlOptions: { scopes: SLACK_BOT_SCOPES },
    logger: boltLogger(log),
  });
  const app = new App({
    receiver,
    authorize: (source) => installer.authorize(source),
    logger: boltLogger(log),
    clientOptions: clientOptions(config.apiUrl),
    convoStore: NO_CONVERSATION_STORE,
  });
  const clientFor: SlackClientFor = async (organisationId) => {
    const organisation = await organisationModel(deps.ctx.db)
      .findById(organisationId)
      .select({ platformTenantId: 1 })
      .lean<{ platformTenantId: string } | null>();
    const token = organisation ? await store.botTokenFor(organisation.platformTenantId) : undefined;
    return token ? new WebClient(token, clientOptions(config.apiUrl)) : undefined;
  };
  const messenger = new SlackMessenger(clientFor, deps.ctx.db);
  listen(app, deps, log, messenger, config.apiUrl);
  // An uninstall or revoked token: forget the workspace's installation and its token.
  app.event('app_uninstalled', async ({ body }) => {
    await store.deleteInstallation({
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      isEnterpriseInstall: body.is_enterprise_install ?? false,
    });
    log.info({ teamId: body.team_id }, 'Slack: app uninstalled; installation removed');
  });
  return { app, messenger, installer };
}
