import type { Connection } from 'mongoose';
import { describeChannels, type Config } from './config';
import { createHttpServer } from './http/server';
import { listenOn } from './http/listeners';
import { mountPublicPages } from './http/public-pages';
import type { BotMetrics } from './metrics/bot-metrics';
import { mountFindingFiles } from './http/finding-file-route';
import { FileLinks } from './app/findings/file-links';
import type { Logger } from './log/logger';
import { Schedules, tickGapMs } from './scheduler/schedules';
import { OutgoingFileStore } from './store/outgoing-files/outgoing-file-store';
import { prepareModels } from './store/all-models';
import { equalityIndexing } from './store/server/equality-indexes';
import { isDatabaseReachable, openDatabase } from './store/connection';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Messenger } from './app/messaging/messenger';
import { RoutingMessenger } from './app/messaging/routing-messenger';
import { sendMorningDigests } from './app/nudges/morning-digest';
import { runBallotJobs } from './app/conduct/ballot-schedule';
import { endFinishedTerms } from './app/people/member-status';
import { NudgeSweeper, type SweepReport } from './app/nudges/nudge-sweep';
import { DeliveryPost, type DeliverySweepReport } from './app/messaging/delivery-post';
import { DEFAULT_NUDGE_POLICY } from './domain/nudges';
import { resolveDatabase } from './store/server/resolve';
import { InboundLedger } from './store/inbound-ledger';
import type { RunningDatabase } from './store/server/running-database';

export interface RunningBot {
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  database: RunningDatabase;
  connection: Connection;
  /** Drains in-flight requests, stops schedules, closes the database. Safe to call twice. */
  stop(): Promise<void>;
  /** One nudge sweep now, as the schedule would run it (tests and operators' scripts). */
  sweep(): Promise<SweepReport>;
  /** One sweep of the delivery outbox now: messages to other people waiting for a retry. */
  sweepDeliveries(): Promise<DeliverySweepReport>;
  /** Does now what the schedule does: the work of Slack requests whose process died. */
  replaySlack(): Promise<number>;
}

export interface StartOptions {
  /** For tests: Slack's clock. */
  now?: () => number;
  /** For tests: the clock the scrutiny rules read. */
  clock?: () => Date;
  /** How long stop() lets in-flight requests finish before cutting connections. */
  drainTimeoutMs?: number;
  /**
   * For tests: false leaves the cron jobs (sweep, digest) unscheduled, so a tick at a five-minute
   * boundary cannot send a nudge in the middle of a test; tests run sweeps themselves.
   */
  runSchedules?: boolean;
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
    ...(config.ferretDbInstallDir ? { ferretDbInstallDir: config.ferretDbInstallDir } : {}),
    onFallback: (message) => log.warn(message),
    onProgress: (message) => log.info(message),
  });
  log.info({ database: database.source }, `database: ${database.description}`);
  // Two replicas each starting their own embedded database would each hold half the data.
  if (database.source !== 'uri')
    log.warn(
      { database: database.source },
      'no MONGODB_URI: running an embedded database for this one process only; set MONGODB_URI before running more than one instance',
    );

  // prom-client loads only where metrics are on (about 10 MB of an idle bot otherwise).
  const metrics: BotMetrics | undefined = config.metrics.enabled
    ? new (await import('./metrics/bot-metrics')).BotMetrics()
    : undefined;
  let connection: Connection;
  try {
    connection = await openDatabase(database.uri, metrics ? { monitorCommands: true } : {});
    await prepareModels(
      connection,
      // Only speed is at stake: the bot runs without them, and says so.
      equalityIndexing(database.postgresqlUrl ?? config.ferretDbPostgresqlUrl, (error) =>
        log.warn(
          { err: { message: error.message } },
          'could not add the PostgreSQL indexes FerretDB lookups need: lookups read whole collections',
        ),
      ),
    );
  } catch (error) {
    await database.stop();
    throw error;
  }

  const schedules = new Schedules(log, config.timeZone);
  const server = createHttpServer({
    log,
    isReady: () => isDatabaseReachable(connection),
    ...(metrics ? { metrics, metricsToken: config.metrics.token } : {}),
  });
  if (metrics) (await import('./metrics/database-gauges')).watchDatabase(metrics, connection);
  mountPublicPages(server, config.pages);

  const channels = describeChannels(config);
  // The listening address is known only once listening; links are made after that.
  let listeningUrl = `http://127.0.0.1:${config.port}`;
  const fileLinks = new FileLinks(
    config.files.linkSecret,
    () => config.files.publicUrl ?? listeningUrl,
  );
  const ctx = {
    db: connection,
    now: options.clock ?? (() => new Date()),
    fileLinks,
    ...(metrics ? { observer: metrics } : {}),
  };
  mountFindingFiles(server, ctx, fileLinks);
  const settings = { timeZone: config.timeZone, bootstrapOfficers: config.bootstrapOfficers };
  let teamsMessenger: Messenger | undefined;
  let teamsSettled = async () => undefined as void;
  if (config.teams.mode !== 'off') {
    // Loaded here, not at the top: a bot without Teams never loads botbuilder.
    const { startTeams } = await import('./channels/teams/mount-teams');
    const teams = startTeams(server, config.teams, { ctx, settings, log });
    teamsMessenger = teams.messenger;
    teamsSettled = teams.settled;
  }
  log.info(channels.teams);

  let slackMessenger: Messenger | undefined;
  let slackStop = async () => undefined as void;
  let replaySlack = async (_now: Date) => 0;
  if (config.slack.mode !== 'off') {
    // Loaded here, not at the top: a bot without Slack never loads Bolt.
    const { mountSlack } = await import('./channels/slack/mount-slack');
    const slack = mountSlack(
      server,
      config.slack,
      { ctx, settings, log },
      options.now ? { now: options.now } : {},
    );
    slackMessenger = slack.messenger;
    slackStop = slack.stop;
    replaySlack = slack.replayUnfinished;
  }
  log.info(channels.slack);

  // The scheduler sends through whichever platform each organisation runs on.
  const messenger = new RoutingMessenger(ctx, {
    ...(teamsMessenger ? { teams: teamsMessenger } : {}),
    ...(slackMessenger ? { slack: slackMessenger } : {}),
  });
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const sweeper = new NudgeSweeper(ctx, messenger, {
    instanceId,
    // A sweep lease as long as the schedule's tick: with the sweeper's default five-minute
    // lease, a sweep cron ticking every minute still swept once in five, and a reminder that
    // failed waited for the next slot whatever NUDGE_SWEEP_CRON said.
    leaseSlotMs: Math.min(5 * 60 * 1000, tickGapMs(config.nudges.sweepCron, config.timeZone)),
    policy: {
      ...DEFAULT_NUDGE_POLICY,
      workingHours: config.nudges.workingHours,
      overdueNudges: config.nudges.overdueNudges,
    },
  });
  const deliveries = new DeliveryPost(ctx, messenger, { instanceId });
  if (options.runSchedules !== false) {
    // On the reminders' schedule: a retry waits at least 30 s, so the tick bounds the delay.
    schedules.add('delivery-sweep', config.nudges.sweepCron, async () => {
      const report = await deliveries.sweep();
      if (report.read > 0) log.info({ ...report }, 'delivery sweep');
    });
    // Slack commands and clicks whose process died after their ack: their work, done here.
    schedules.add('slack-replay', config.nudges.sweepCron, async () => {
      const taken = await replaySlack(ctx.now());
      if (taken > 0) log.warn({ taken }, 'slack requests done again after their process died');
    });
    schedules.add('nudge-sweep', config.nudges.sweepCron, async () => {
      const started = process.hrtime.bigint();
      const report = await sweeper.sweep();
      metrics?.swept(report, Number(process.hrtime.bigint() - started) / 1e9);
      if (report.swept && (report.nudgesQueued > 0 || report.nudgesRead > 0))
        log.info({ ...report }, 'nudge sweep');
    });
    schedules.add('ballots', '* * * * *', async () => {
      const report = await runBallotJobs(ctx, messenger, log);
      if (report.closed + report.reminded + report.barsLifted > 0)
        log.info({ ...report }, 'ballots');
    });
    // Hourly rather than once at midnight, so a term still ends if the bot was down then.
    schedules.add('term-ends', '41 * * * *', async () => {
      const ended = await endFinishedTerms(ctx);
      if (ended > 0) log.info({ ended }, 'memberships ended at the end of their term');
    });
    schedules.add('prune-inbound-deliveries', '17 * * * *', async () => {
      await new InboundLedger(connection).prune(new Date(Date.now() - 24 * 3600 * 1000));
    });
    // Files offered in Teams and never accepted: their bytes may be someone's own data.
    schedules.add('prune-outgoing-files', '23 * * * *', async () => {
      const pruned = await new OutgoingFileStore(connection).prune(new Date());
      if (pruned > 0) log.info({ pruned }, 'file offers nobody took were removed');
    });
    schedules.add('morning-digest', config.nudges.digestCron, async () => {
      const report = await sendMorningDigests(ctx, messenger, instanceId, log);
      if (report.organisations > 0) log.info({ ...report }, 'morning digests');
    });
  }

  const listening = await listenOn(server.server, {
    port: config.port,
    host: config.host,
    sockets: config.httpListeners,
  });
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${listening.port}`;
  log.info({ port: listening.port, sockets: listening.sockets }, `listening on ${url}`);
  listeningUrl = url;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Socket Mode first: no new envelopes while the server drains.
      await slackStop();
      await listening.close(options.drainTimeoutMs ?? 10000);
      await teamsSettled();
      await schedules.stopAll();
      await connection.close();
      await database.stop();
    })());
  return {
    url,
    database,
    connection,
    stop,
    sweep: () => sweeper.sweep(),
    sweepDeliveries: () => deliveries.sweep(),
    replaySlack: () => replaySlack(ctx.now()),
  };
}
