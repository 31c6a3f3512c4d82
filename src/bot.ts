import type { Server } from 'restify';
import type { Connection } from 'mongoose';
import { describeChannels, type Config } from './config';
import { createTeamsAdapter, mountTeams } from './channels/teams/teams-adapter';
import { ScrutinyTeamsBot } from './channels/teams/teams-bot';
import { TeamsMessenger } from './channels/teams/teams-messenger';
import { renderTeamsCard } from './cards/render-teams';
import { RestifyReceiver } from './channels/slack/restify-receiver';
import { createOAuthSlackApp, createSlackApp } from './channels/slack/slack-app';
import { createHttpServer } from './http/server';
import type { Logger } from './log/logger';
import { Schedules } from './scheduler/schedules';
import { prepareModels } from './store/all-models';
import { isDatabaseReachable, openDatabase } from './store/connection';
import { SlackDeliveryLedger } from './store/slack-deliveries';
import { resolveDatabase } from './store/server/resolve';
import type { RunningDatabase } from './store/server/running-database';

export interface RunningBot {
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  database: RunningDatabase;
  connection: Connection;
  /** Drains in-flight requests, stops schedules, closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** For tests: Slack's clock. */
  now?: () => number;
  /** For tests: the clock the scrutiny rules read. */
  clock?: () => Date;
  /** How long stop() lets in-flight requests finish before cutting connections. */
  drainTimeoutMs?: number;
}

/** Wires everything together and starts listening. main.ts is the only production caller. */
export async function startBot(
  config: Config,
  log: Logger,
  options: StartOptions = {},
): Promise<RunningBot> {
  const database = await resolveDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    ferretDbBinary: config.ferretDbBinary,
    embeddedPort: config.ferretDbPort,
    onFallback: (message) => log.warn(message),
  });
  log.info({ database: database.source }, `database: ${database.description}`);

  let connection: Connection;
  try {
    connection = await openDatabase(database.uri);
    await prepareModels(connection);
  } catch (error) {
    await database.stop();
    throw error;
  }

  const schedules = new Schedules(log, config.timeZone);
  const server = createHttpServer({ log, isReady: () => isDatabaseReachable(connection) });

  const channels = describeChannels(config);
  const ctx = { db: connection, now: options.clock ?? (() => new Date()) };
  const teamsAdapter = createTeamsAdapter(config.teams, log);
  const teamsMessenger = new TeamsMessenger(
    teamsAdapter,
    connection,
    config.teams.mode === 'authenticated' ? config.teams.appId : '',
    renderTeamsCard,
  );
  const teamsBot = new ScrutinyTeamsBot({
    ctx,
    settings: { timeZone: config.timeZone, bootstrapOfficers: config.bootstrapOfficers },
    messenger: () => teamsMessenger,
    log,
  });
  mountTeams(server, teamsAdapter, teamsBot);
  log.info(channels.teams);

  if (config.slack.mode !== 'off') {
    const ledger = new SlackDeliveryLedger(connection);
    const receiver = new RestifyReceiver({
      signingSecret: config.slack.signingSecret,
      ledger,
      log,
      ...(options.now ? { now: options.now } : {}),
    });
    const deps = {
      ctx,
      settings: { timeZone: config.timeZone, bootstrapOfficers: config.bootstrapOfficers },
    };
    if (config.slack.mode === 'single-workspace') {
      createSlackApp(config.slack, receiver, log, deps);
      receiver.mount(server);
    } else {
      const { installer } = createOAuthSlackApp(config.slack, receiver, log, deps);
      receiver.mount(server, installer);
    }
    schedules.add('prune-slack-deliveries', '17 * * * *', async () => {
      await ledger.prune(new Date(Date.now() - 24 * 3600 * 1000));
    });
  }
  log.info(channels.slack);

  await listen(server, config.port, config.host);
  const address = server.address();
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${address.port}`;
  log.info({ port: address.port }, `listening on ${url}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await closeServer(server, options.drainTimeoutMs ?? 10000);
      await schedules.stopAll();
      await connection.close();
      await database.stop();
    })());
  return { url, database, connection, stop };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
}

/** Stops accepting connections and waits for in-flight requests, cutting them off after the timeout. */
function closeServer(server: Server, drainTimeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.server.closeAllConnections(), drainTimeoutMs);
    server.server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.server.closeIdleConnections();
  });
}
