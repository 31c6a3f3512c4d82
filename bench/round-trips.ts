/**
 * npm run bench:trips [-- --panel 10]
 *
 * The database commands one request of each benchmarked kind costs, listed in order: the bot
 * runs in this process with the driver's command monitoring on, against the real database
 * (MONGODB_URI, else the embedded FerretDB), with a panel seeded as `npm run bench` seeds it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot } from '../src/bot';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log/logger';
import { readCacheOf } from '../src/store/cache/read-cache';
import { resolveDatabase } from '../src/store/server/resolve';
import {
  OFFICER,
  panelOf,
  seedPanels,
  SIGNING_SECRET,
  slackSigned,
  slashCommand,
  teamsMessage,
  teamsVote,
  voteClick,
} from './load/panel';
import { PlatformStub } from './load/platform-stub';

/**
 * What each request cost at 73b3ca0, before records were kept in memory and a vote's card read
 * its people once (measured with this script on FerretDB 1.24 on PostgreSQL, 1 December 2026).
 */
const BEFORE: Record<string, number> = {
  'Slack /scrutiny mine': 11,
  'Slack vote click': 12,
  'Slack vote click again': 7,
  'Teams "mine" message': 12,
  'Teams vote invoke': 13,
};

const args = process.argv.slice(2);
const at = args.indexOf('--panel');
const PANEL = at >= 0 ? Number(args[at + 1]) : 10;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'scrutiny-trips-'));
  const database = await resolveDatabase({
    mongodbUri: process.env.MONGODB_URI,
    dataDir,
    pathEnv: process.env.PATH,
    ferretDbBinary: process.env.FERRETDB_BIN,
    onProgress: (message) => console.error(message),
  });
  const url = new URL(database.uri);
  url.pathname = `/bench_trips_${Date.now()}`;
  url.searchParams.set('monitorCommands', 'true');
  const stub = new PlatformStub();
  await stub.start();
  const config = loadConfig({
    MONGODB_URI: url.toString(),
    PORT: '0',
    HOST: '127.0.0.1',
    TEAMS_MODE: 'emulator',
    LOG_LEVEL: 'silent',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: `${stub.url}/api/`,
    BOOTSTRAP_OFFICERS: `${OFFICER.slackId},${OFFICER.aad}`,
  });
  const bot = await startBot(
    config,
    createLogger((process.env.LOG_LEVEL as 'silent') ?? 'silent'),
    { runSchedules: false },
  );
  const commands: string[] = [];
  const started = new Map<number, string>();
  const client = bot.connection.getClient();
  client.on('commandStarted', (event) => {
    const target: unknown = (event.command as Record<string, unknown>)[event.commandName];
    started.set(
      event.requestId,
      `${event.commandName} ${typeof target === 'string' ? target : ''}`,
    );
  });
  // Each command with the time the server took to answer it.
  client.on('commandSucceeded', (event) => {
    commands.push(
      `${started.get(event.requestId) ?? event.commandName} (${event.duration.toFixed(1)} ms)`,
    );
  });
  try {
    const members = panelOf(PANEL);
    const ballots = await seedPanels(bot.url, stub, members);
    const send = (path: string, body: string, headers: Record<string, string>) =>
      fetch(`${bot.url}${path}`, { method: 'POST', body, headers });
    const json = { 'content-type': 'application/json' };
    const form = 'application/x-www-form-urlencoded';
    // Slack's work goes on after the ack; its answer to the response URL marks the end.
    const slack = async (path: string, body: string) => {
      const answered = stub.next((c) => c.kind === 'slack-response');
      await send(path, body, slackSigned(body, form));
      await answered;
    };
    // Each request is a new delivery (a new trigger_id or activity id): the same body twice is
    // a redelivery. Run n is by member n, so a vote is a first vote each time.
    const by = (n: number) => members[n] ?? OFFICER;
    const respond = `${stub.url}/respond/trips`;
    const click = (n: number) => voteClick(by(n), ballots.slackBallot, respond);
    const teams = (activity: unknown) => send('/api/messages', JSON.stringify(activity), json);
    const slackHelp = (n: number) =>
      slack('/api/slack/commands', slashCommand(by(n), 'help', respond));
    const teamsHelp = (n: number) => teams(teamsMessage(stub.url, by(n), 'help'));
    // Each request with what the same person sends just before it, unmeasured, so that "as
    // usual" is a person active in the last 30 seconds, as in a burst of votes.
    const requests: Array<
      [string, (n: number) => Promise<unknown>, (n: number) => Promise<unknown>]
    > = [
      [
        'Slack /scrutiny mine',
        (n) => slack('/api/slack/commands', slashCommand(by(n), 'mine', respond)),
        slackHelp,
      ],
      ['Slack vote click', (n) => slack('/api/slack/interactivity', click(n)), slackHelp],
      ['Slack vote click again', (n) => slack('/api/slack/interactivity', click(n)), slackHelp],
      ['Teams "mine" message', (n) => teams(teamsMessage(stub.url, by(n), 'mine')), teamsHelp],
      [
        'Teams vote invoke',
        (n) => teams(teamsVote(stub.url, by(n), ballots.teamsBallot)),
        teamsHelp,
      ],
    ];
    // Members were enrolled by mention; their first message of their own puts their chat id
    // right (one write, once). Done here so the figures are those of every later request.
    for (const n of [0, 1]) await teams(teamsMessage(stub.url, by(n), 'help'));
    const summary: string[] = [];
    for (const [name, request, before] of requests) {
      // First with nothing kept in memory (as after a change, or on an instance's first request),
      // then as the same request usually runs.
      readCacheOf(bot.connection).clear();
      commands.length = 0;
      await request(0);
      const cold = commands.length;
      process.stdout.write(`\n${name}, nothing in memory: ${cold} database commands\n`);
      for (const command of commands) process.stdout.write(`  ${command}\n`);
      await before(1);
      commands.length = 0;
      await request(1);
      process.stdout.write(`${name}, as usual: ${commands.length} database commands\n`);
      for (const command of commands) process.stdout.write(`  ${command}\n`);
      summary.push(
        `| ${name.padEnd(22)} | ${String(BEFORE[name] ?? '').padStart(8)} | ${String(cold).padStart(17)} | ${String(commands.length).padStart(8)} |`,
      );
    }
    process.stdout.write(
      `\ndatabase commands per request (${database.description.split(' (')[0]})\n| request                | 73b3ca0  | nothing in memory | as usual |\n|------------------------|----------|-------------------|----------|\n${summary.join('\n')}\n`,
    );
  } finally {
    await bot.stop();
    await stub.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
