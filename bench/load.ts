/**
 * npm run bench [-- --per-client 10 --clients 1,50,200 --panel 200 --only <scenarios> --cpu-prof]
 *
 * Starts the real bot (node dist/main.js) on loopback with the real database (MONGODB_URI, else
 * the embedded FerretDB), Slack's API and the Bot Connector answered by a loopback stub, and a
 * bare restify server doing one MongoDB insert per request as the baseline. Drives each with
 * autocannon at each number of concurrent clients, each client sending a burst of requests one
 * after another (a panel voting in the same minute, not an endless flood: Slack's ack comes
 * before the work, so a flood would only measure how fast work can be queued). Slack runs wait
 * until every answer has reached the response URL, and report that time too. Prints a table
 * and writes the same figures to bench/results/load.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
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
  type Person,
} from './load/panel';
import { PlatformStub } from './load/platform-stub';
import { recordRun } from './load/run-record';
import { startServer, type ServerProcess } from './load/processes';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const PER_CLIENT = Number(option('per-client', '10'));
/** One client alone still sends enough requests for a meaningful p99. */
const MIN_REQUESTS = 300;
const CLIENTS = option('clients', '1,50,200').split(',').map(Number);
const PANEL = Number(option('panel', '200'));
const CPU_PROFILE = args.includes('--cpu-prof');
const ONLY = option('only', '');
const RESULTS = join(__dirname, 'results');
/** Node's flags from `npm start` (package.json), so the bot measured is the bot people run. */
const START_FLAGS = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** Issue 19's targets, each against the baseline measured in the same run. */
const TARGETS = {
  clients: 200,
  /** Teams requests completed per second, at least this share of the baseline's. */
  rateShare: 0.25,
  /** Teams p99 at most this many times the baseline's. */
  p99Times: 3,
  /** With one client, a Teams vote's p50 at most this much over the baseline's. */
  singleP50OverMs: 10,
  idleRssMb: 150,
};

/** What each request of a scenario is: a path, and per client the body and headers it sends. */
interface Scenario {
  name: string;
  what: string;
  server: 'bot' | 'baseline';
  path: string;
  request(client: number): { body: string; headers: Record<string, string> };
  /** Work the bot still does after answering (Slack's response_url posts), to wait for. */
  followUps?: 'slack-response';
}

interface Row {
  scenario: string;
  clients: number;
  requests: number;
  /** Answers per second, from the start to the last answer. */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  peakRssMb: number | undefined;
  /** Slack: how long the last answers took to reach the response URL after the last ack. */
  drainMs?: number;
  /** Requests whose work was finished per second, from the first request to the last answer. */
  donePerSecond: number;
  /**
   * CPU time the server process used per answered request, work after the answer included. Less
   * noisy than rates on a shared machine, where the load generator and the database compete for
   * the same cores.
   */
  cpuMsPerRequest: number | undefined;
}

function scenarios(
  stubUrl: string,
  members: Person[],
  ballots: { slackBallot: string; teamsBallot: string },
): Scenario[] {
  const member = (client: number) => members[client % members.length] ?? OFFICER;
  const json = (value: unknown) => ({
    body: JSON.stringify(value),
    headers: { 'content-type': 'application/json' },
  });
  return [
    {
      name: 'baseline-write',
      what: 'bare restify, one MongoDB insert',
      server: 'baseline',
      path: '/click',
      request: (client) => json({ user: member(client).slackId, choice: 'yes' }),
    },
    {
      name: 'slack-command',
      what: 'signed /scrutiny mine (ack)',
      server: 'bot',
      path: '/api/slack/commands',
      followUps: 'slack-response',
      request: (client) => {
        const body = slashCommand(member(client), 'mine', `${stubUrl}/respond/mine/${client}`);
        return { body, headers: slackSigned(body, 'application/x-www-form-urlencoded') };
      },
    },
    {
      name: 'slack-vote',
      what: 'signed vote button click (ack)',
      server: 'bot',
      path: '/api/slack/interactivity',
      followUps: 'slack-response',
      request: (client) => {
        const body = voteClick(
          member(client),
          ballots.slackBallot,
          `${stubUrl}/respond/vote/${client}`,
        );
        return { body, headers: slackSigned(body, 'application/x-www-form-urlencoded') };
      },
    },
    {
      name: 'teams-message',
      what: 'Teams "mine" message, reply via connector',
      server: 'bot',
      path: '/api/messages',
      request: (client) => json(teamsMessage(stubUrl, member(client), '<at>Scrutiny</at> mine')),
    },
    {
      name: 'teams-invoke',
      what: 'Teams adaptiveCard/action vote invoke',
      server: 'bot',
      path: '/api/messages',
      request: (client) => json(teamsVote(stubUrl, member(client), ballots.teamsBallot)),
    },
  ];
}

async function drive(
  server: ServerProcess,
  scenario: Scenario,
  clients: number,
  stub: PlatformStub,
): Promise<Row> {
  let nextClient = 0;
  let peak = server.rssMb() ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rssMb() ?? 0);
  }, 200);
  const responsesBefore = stub.counts['slack-response'];
  const cpuBefore = server.cpuMs();
  const started = Date.now();
  // autocannon ends a run on its next sampling tick (every second), so its own rates divide by
  // whole seconds: the run's time is taken here, from the start to the last answer.
  let lastAnswerAt = started;
  const result = await autocannon({
    url: `${server.url}${scenario.path}`,
    method: 'POST',
    connections: clients,
    amount: Math.max(MIN_REQUESTS, clients * PER_CLIENT),
    // The Bot Connector waits 15 s for a bot's answer; Slack's 3 s limit is on the ack.
    timeout: 15,
    // Each connection is one person, as each member of a panel clicks from their own client.
    // Every request is a new delivery (its own Teams activity id or Slack trigger_id): the same
    // body sent twice is a redelivery, which the bot answers once and otherwise ignores.
    setupClient: (client) => {
      const person = nextClient++;
      const next = () => {
        const { body, headers } = scenario.request(person);
        client.setHeadersAndBody(headers, body);
      };
      next();
      client.on('response', () => {
        lastAnswerAt = Date.now();
        next();
      });
    },
  });
  const driven = Date.now();
  let drainMs: number | undefined;
  let doneAt = lastAnswerAt;
  if (scenario.followUps) {
    // Every acknowledged request is answered at its response URL once its work is done.
    const expected = responsesBefore + result['2xx'];
    while (stub.counts['slack-response'] < expected && Date.now() - driven < 600_000)
      await new Promise((resolve) => setTimeout(resolve, 50));
    doneAt = Math.max(lastAnswerAt, stub.lastAt['slack-response']);
    drainMs = doneAt - lastAnswerAt;
  }
  const answeredSeconds = Math.max(lastAnswerAt - started, 1) / 1000;
  const doneSeconds = Math.max(doneAt - started, 1) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, server.rssMb() ?? 0);
  const cpuAfter = server.cpuMs();
  return {
    scenario: scenario.name,
    clients,
    requests: result.requests.total,
    perSecond: Math.round(result.requests.total / answeredSeconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    peakRssMb: scenario.server === 'bot' ? peak : undefined,
    ...(drainMs !== undefined ? { drainMs } : {}),
    donePerSecond: Math.round(result['2xx'] / doneSeconds),
    cpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && result['2xx'] > 0
        ? Math.round(((cpuAfter - cpuBefore) / result['2xx']) * 100) / 100
        : undefined,
  };
}

function table(rows: Row[]): string {
  const header = [
    'scenario',
    'clients',
    'requests',
    'req/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'errors',
    'peak RSS MB',
    'drain ms',
    'done/s',
    'CPU ms/req',
  ];
  const lines = rows.map((r) => [
    r.scenario,
    String(r.clients),
    String(r.requests),
    String(r.perSecond),
    String(r.p50Ms),
    String(r.p99Ms),
    String(r.maxMs),
    String(r.errors),
    r.peakRssMb === undefined ? '' : String(r.peakRssMb),
    r.drainMs === undefined ? '' : String(r.drainMs),
    String(r.donePerSecond),
    r.cpuMsPerRequest === undefined ? '' : String(r.cpuMsPerRequest),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    format(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(format),
  ].join('\n');
}

interface Check {
  check: string;
  value: number | undefined;
  met: boolean;
}

/** Each target of issue 19, met or missed, from this run's rows. */
function targetChecks(
  rows: Row[],
  idle: { idleRssMb: number | undefined; idleTeamsOnlyRssMb: number | undefined },
): Check[] {
  const at = (name: string, clients: number) =>
    rows.find((r) => r.scenario === name && r.clients === clients);
  const checks: Check[] = [];
  const many = TARGETS.clients;
  const base = at('baseline-write', many);
  for (const name of ['teams-invoke', 'teams-message']) {
    const row = at(name, many);
    if (!base || !row) continue;
    const share = Math.round((row.donePerSecond / Math.max(base.donePerSecond, 1)) * 100) / 100;
    checks.push(
      {
        check: `${name} at ${many} clients completes >= ${TARGETS.rateShare}x the baseline's rate (${base.donePerSecond}/s)`,
        value: share,
        met: share >= TARGETS.rateShare,
      },
      { check: `${name} at ${many} clients: no errors`, value: row.errors, met: row.errors === 0 },
      {
        check: `${name} at ${many} clients: p99 <= ${TARGETS.p99Times}x the baseline's (${base.p99Ms} ms)`,
        value: row.p99Ms,
        met: row.p99Ms <= TARGETS.p99Times * base.p99Ms,
      },
    );
  }
  const single = at('teams-invoke', 1);
  const singleBase = at('baseline-write', 1);
  if (single && singleBase)
    checks.push({
      check: `teams-invoke with 1 client: p50 <= the baseline's + ${TARGETS.singleP50OverMs} ms (${singleBase.p50Ms} ms)`,
      value: single.p50Ms,
      met: single.p50Ms <= singleBase.p50Ms + TARGETS.singleP50OverMs,
    });
  for (const row of rows.filter((r) => r.scenario.startsWith('slack-'))) {
    const baseline = at('baseline-write', row.clients);
    if (baseline)
      checks.push({
        check: `${row.scenario} ack at ${row.clients} clients: p99 <= the baseline's (${baseline.p99Ms} ms)`,
        value: row.p99Ms,
        met: row.p99Ms <= baseline.p99Ms,
      });
  }
  checks.push(
    {
      check: `idle RSS <= ${TARGETS.idleRssMb} MB (Teams and Slack)`,
      value: idle.idleRssMb,
      met: (idle.idleRssMb ?? Infinity) <= TARGETS.idleRssMb,
    },
    {
      check: `idle RSS <= ${TARGETS.idleRssMb} MB (Teams only)`,
      value: idle.idleTeamsOnlyRssMb,
      met: (idle.idleTeamsOnlyRssMb ?? Infinity) <= TARGETS.idleRssMb,
    },
  );
  return checks;
}

async function main(): Promise<void> {
  process.stdout.write('building the bot (npm run build)…\n');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

  const dataDir = mkdtempSync(join(tmpdir(), 'scrutiny-bench-'));
  const database = await resolveDatabase({
    mongodbUri: process.env.MONGODB_URI,
    dataDir,
    pathEnv: process.env.PATH,
    ferretDbBinary: process.env.FERRETDB_BIN,
    onProgress: (message) => console.error(message),
  });
  const uri = (name: string) => {
    const url = new URL(database.uri);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const stub = new PlatformStub();
  await stub.start();
  const profileDir = join(RESULTS, 'profiles');
  if (CPU_PROFILE) mkdirSync(profileDir, { recursive: true });

  const bot = await startServer(
    'the bot',
    [
      ...START_FLAGS,
      ...(CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      join(__dirname, '..', 'dist', 'main.js'),
    ],
    {
      MONGODB_URI: uri(`bench_bot_${Date.now()}`),
      LOG_LEVEL: 'warn',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: `${stub.url}/api/`,
      BOOTSTRAP_OFFICERS: `${OFFICER.slackId},${OFFICER.aad}`,
    },
    '/readyz',
  );
  // The same bot with Teams only (most landlords use one platform): Bolt is then never loaded.
  const teamsOnly = await startServer(
    'the Teams-only bot',
    [...START_FLAGS, join(__dirname, '..', 'dist', 'main.js')],
    { MONGODB_URI: uri(`bench_teams_only_${Date.now()}`), LOG_LEVEL: 'warn' },
    '/readyz',
  );
  const baseline = await startServer(
    'the baseline server',
    ['--import', 'tsx', join(__dirname, 'load', 'baseline-server.ts')],
    { MONGODB_URI: uri(`bench_baseline_${Date.now()}`) },
    '/readyz',
  );
  // Idle: started, connected, nothing asked of it yet.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idleRssMb = bot.rssMb();
  const idleTeamsOnlyRssMb = teamsOnly.rssMb();
  const idleBaselineRssMb = baseline.rssMb();
  await teamsOnly.stop();

  try {
    const members = panelOf(PANEL);
    process.stdout.write(`seeding a panel of ${PANEL} on Slack and Teams through the bot…\n`);
    const ballots = await seedPanels(bot.url, stub, members);
    const rows: Row[] = [];
    for (const clients of CLIENTS)
      for (const scenario of scenarios(stub.url, members, ballots)) {
        if (ONLY && !ONLY.split(',').includes(scenario.name)) continue;
        const server = scenario.server === 'bot' ? bot : baseline;
        const row = await drive(server, scenario, clients, stub);
        rows.push(row);
        process.stdout.write(
          `${scenario.name} × ${clients}: p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.perSecond}/s, ${row.errors} errors\n`,
        );
      }

    const checks = targetChecks(rows, { idleRssMb, idleTeamsOnlyRssMb });

    const report = {
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      database: database.description,
      // Runs before this field took rates from autocannon's samples: each run's time rounded up to
      // whole seconds, so every rate was the request count divided by a whole number.
      ratesTimed: 'from the start to the last answer',
      requestsPerClient: PER_CLIENT,
      minimumRequestsPerRun: MIN_REQUESTS,
      panel: PANEL,
      idleRssMb,
      idleTeamsOnlyRssMb,
      idleBaselineRssMb,
      peakRssMb: bot.peakRssMb(),
      rows,
      checks,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'load.json'), `${JSON.stringify(report, null, 2)}\n`);
    recordRun(join(RESULTS, 'load-history.jsonl'), report);
    process.stdout.write(`\n${table(rows)}\n\n`);
    process.stdout.write(
      `idle RSS ${idleRssMb} MB (Teams only ${idleTeamsOnlyRssMb} MB, baseline server ${idleBaselineRssMb} MB), peak RSS ${report.peakRssMb} MB (${database.description}, ${report.machine.cpus} CPUs, Node ${process.version})\n`,
    );
    for (const c of checks)
      process.stdout.write(`${c.met ? 'met   ' : 'MISSED'} ${c.check}: ${c.value}\n`);
    process.stdout.write(`figures written to ${join('bench', 'results', 'load.json')}\n`);
  } finally {
    await bot.stop();
    await baseline.stop();
    await stub.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
