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
    const member = members[0] ?? OFFICER;
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
    const mine = slashCommand(member, 'mine', `${stub.url}/respond/trips`);
    // Each click is a new delivery (its own trigger_id); the same body twice is a redelivery.
    const click = () => voteClick(member, ballots.slackBallot, `${stub.url}/respond/trips`);
    const requests: Array<[string, () => Promise<unknown>]> = [
      ['Slack /scrutiny mine', () => slack('/api/slack/commands', mine)],
      ['Slack vote click', () => slack('/api/slack/interactivity', click())],
      ['Slack vote click again', () => slack('/api/slack/interactivity', click())],
      [
        'Teams "mine" message',
        () => send('/api/messages', JSON.stringify(teamsMessage(stub.url, member, 'mine')), json),
      ],
      [
        'Teams vote invoke',
        () =>
          send(
            '/api/messages',
            JSON.stringify(teamsVote(stub.url, member, ballots.teamsBallot)),
            json,
          ),
      ],
    ];
    for (const [name, request] of requests) {
      commands.length = 0;
      await request();
      process.stdout.write(`\n${name}: ${commands.length} database commands\n`);
      for (const command of commands) process.stdout.write(`  ${command}\n`);
    }
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
