/**
 * Two bot processes on one database behind a round-robin proxy, both sweeping reminders every
 * second, with Teams and Slack traffic split between them; one is killed (SIGKILL) and started
 * again mid-run, then the other is stopped (SIGTERM) under load. Afterwards every record is
 * compared with what was sent.
 *
 * The bots run src/main.ts through tsx, as the other process test does: building dist/ with tsc
 * costs about as long as this whole test on two cores, and tsx compiles only what is loaded.
 * With SERVER_LOG_DIR set, each process's log (at info) is kept there for a failure to be read.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import {
  OFFICER,
  panelOf,
  SIGNING_SECRET,
  slashCommand,
  SUBJECT,
  teamsMessage,
  teamsVote,
  voteClick,
  type Person,
} from '../../bench/load/panel';
import { PlatformStub, type StubCall } from '../../bench/load/platform-stub';
import { startServer, type ServerProcess } from '../../bench/load/processes';
import { testDatabaseUri } from '../support/database';
import { slackHeaders } from '../support/slack';
import { RoundRobinProxy } from './support/round-robin-proxy';

jest.setTimeout(240_000);

const root = resolve(__dirname, '../..');
const MEMBERS = 6;
/** Tuesday 10 March 2026 in London (GMT), a working day with no bank holiday near it. */
const DAY = '2026-03-10';
const AT_START = Date.parse(`${DAY}T08:56:00Z`);
/** Reminders for the day go at 09:00; the clock is moved to just before, once deadlines exist. */
const BEFORE_NINE = Date.parse(`${DAY}T08:59:57Z`);
const NINE = Date.parse(`${DAY}T09:00:00Z`);
/** stop()'s default; a process that takes longer than this and a margin has not drained. */
const DRAIN_TIMEOUT_MS = 10_000;

type Platform = 'slack' | 'teams';

interface Op {
  id: string;
  platform: Platform;
  what: 'setup' | 'vote' | 'warn' | 'evidence' | 'mine';
  path: string;
  body: string;
}

interface Outcome {
  op: Op;
  status: number;
  attempts: number;
  servedBy: string;
  text: string;
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `condition` until it holds, failing with `what` after `timeoutMs`. */
async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(100);
  }
}

function exited(server: ServerProcess): Promise<{ code: number | null; signal: string | null }> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

describe('two bot processes behind a proxy, one killed and one stopped under load', () => {
  const stub = new PlatformStub({ keepCalls: true });
  const proxy = new RoundRobinProxy();
  const clockDir = mkdtempSync(join(tmpdir(), 'scrutiny-clock-'));
  const clockFile = join(clockDir, 'offset');
  let clockOffset = 0;
  const setClock = (shiftedNow: number) => {
    clockOffset = shiftedNow - Date.now();
    // Replaced whole, so a process never reads it half written.
    writeFileSync(`${clockFile}.next`, String(clockOffset));
    renameSync(`${clockFile}.next`, clockFile);
  };
  const shiftedNow = () => Date.now() + clockOffset;
  const uri = testDatabaseUri('two-processes');
  let db: Connection;
  const servers: ServerProcess[] = [];

  const start = async (name: string) => {
    const server = await startServer(
      name,
      [
        '--import',
        'tsx',
        '--import',
        join(root, 'test/lifecycle/support/shifted-clock.ts'),
        join(root, 'src/main.ts'),
      ],
      {
        MONGODB_URI: uri,
        LOG_LEVEL: process.env.SERVER_LOG_DIR ? 'info' : 'warn',
        SCRUTINY_TEST_CLOCK_FILE: clockFile,
        TIME_ZONE: 'Europe/London',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_API_URL: `${stub.url}/api/`,
        BOOTSTRAP_OFFICERS: `${OFFICER.slackId},${OFFICER.aad}`,
        NUDGE_SWEEP_CRON: '* * * * * *',
      },
      '/readyz',
    );
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    setClock(AT_START);
    await stub.start();
    await proxy.start();
    db = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5000 }).asPromise();
    await db.dropDatabase();
  });

  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
    await proxy.stop();
    await stub.stop();
    rmSync(clockDir, { recursive: true, force: true });
  });

  let opCount = 0;
  const slackOp = (who: Person, what: Op['what'], text: string): Op => {
    const id = `op-${++opCount}`;
    return {
      id,
      platform: 'slack',
      what,
      path: '/api/slack/commands',
      body: slashCommand(who, text, `${stub.url}/respond/${id}`),
    };
  };
  const slackVoteOp = (who: Person, ballotId: string): Op => {
    const id = `op-${++opCount}`;
    return {
      id,
      platform: 'slack',
      what: 'vote',
      path: '/api/slack/interactivity',
      body: voteClick(who, ballotId, `${stub.url}/respond/${id}`),
    };
  };
  const teamsOp = (who: Person, what: Op['what'], text: string, mentioned: Person[] = []): Op => ({
    id: `op-${++opCount}`,
    platform: 'teams',
    what,
    path: '/api/messages',
    body: JSON.stringify(teamsMessage(stub.url, who, text, mentioned)),
  });
  const teamsVoteOp = (who: Person, ballotId: string): Op => ({
    id: `op-${++opCount}`,
    platform: 'teams',
    what: 'vote',
    path: '/api/messages',
    body: JSON.stringify(teamsVote(stub.url, who, ballotId)),
  });

  /**
   * Sends `op` through the proxy as the platform would: again, unchanged (same delivery id), on a
   * connection error or a 5xx, since a killed process loses what it was doing.
   */
  const send = async (op: Op): Promise<Outcome> => {
    const giveUp = Date.now() + 90_000;
    for (let attempt = 1; ; attempt++) {
      const headers =
        op.platform === 'slack'
          ? slackHeaders(op.body, 'application/x-www-form-urlencoded', {
              secret: SIGNING_SECRET,
              timestamp: Math.floor(shiftedNow() / 1000),
            })
          : { 'content-type': 'application/json' };
      let failure: string;
      try {
        const res = await fetch(`${proxy.url}${op.path}`, {
          method: 'POST',
          headers: { ...headers, 'x-test-op': op.id },
          body: op.body,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        if (res.status < 500)
          return {
            op,
            status: res.status,
            attempts: attempt,
            servedBy: res.headers.get('x-served-by') ?? '',
            text,
          };
        failure = `HTTP ${res.status}`;
      } catch (error) {
        failure = (error as Error).message;
      }
      if (Date.now() > giveUp) throw new Error(`${op.id} (${op.what}) kept failing: ${failure}`);
      // Backing off as the platforms do, not waiting for anything in particular.
      await delay(Math.min(2000, 100 * 2 ** attempt));
    }
  };
  const answerOf = (op: Op) =>
    stub.calls.find((c) => c.kind === 'slack-response' && c.path === `/respond/${op.id}`);
  /** A setup step: sent, and for Slack its answer awaited, as the next step depends on it. */
  const step = async (op: Op): Promise<string> => {
    const outcome = await send(op);
    if (outcome.status !== 200) throw new Error(`${op.id} got ${outcome.status}: ${outcome.text}`);
    if (op.platform === 'teams') return outcome.text;
    await until(`the answer to ${op.id}`, () => answerOf(op) !== undefined);
    return answerOf(op)?.body ?? '';
  };
  const inBatches = async <T>(work: Array<() => Promise<T>>, size = 4) => {
    for (let i = 0; i < work.length; i += size)
      await Promise.all(work.slice(i, i + size).map((w) => w()));
  };
  /** Runs each chain's ops in order, `workers` chains at once, calling `progress` after each op. */
  const runChains = async (chains: Op[][], workers: number, progress: () => void) => {
    const outcomes: Outcome[] = [];
    const queue = [...chains];
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let chain = queue.shift(); chain; chain = queue.shift())
          for (const op of chain) {
            outcomes.push(await send(op));
            progress();
          }
      }),
    );
    return outcomes;
  };

  it('loses nothing and does nothing twice', async () => {
    const started = Date.now();
    const a = await start('bot A');
    const b = await start('bot B');
    proxy.backends.push({ name: 'A', url: a.url }, { name: 'B', url: b.url });

    const members = panelOf(MEMBERS);
    const everyone = [SUBJECT, ...members];
    const slackMention = (p: Person) => `<@${p.slackId}|${p.name}>`;
    const teamsMention = (p: Person) => `<at>${p.name}</at>`;
    const ready = 'training:2025-01-01 conduct:2025-01-01 over18:yes';
    const ballots: Record<Platform, string> = { slack: '', teams: '' };
    const sentEvidence: Array<{ platform: Platform; token: string; owner: Person }> = [];
    const sentWarnings = new Map<string, number>();
    const warned = (platform: Platform, p: Person) => {
      const key = `${platform}:${platform === 'slack' ? p.slackId : p.aad}`;
      sentWarnings.set(key, (sentWarnings.get(key) ?? 0) + 1);
    };

    // Set-up through the proxy, both processes serving: a group on each platform, its members,
    // today's attendance, three warnings and a vote to ask SUBJECT to leave.
    await step(slackOp(OFFICER, 'setup', 'group create "Two Panel" preset:southampton-ti'));
    await step(teamsOp(OFFICER, 'setup', 'group create "Two Panel" preset:southampton-ti'));
    await inBatches(
      everyone.flatMap((p) => [
        () =>
          step(
            slackOp(
              OFFICER,
              'setup',
              `group add ${slackMention(p)} role:member tenure:tenant since:2020-01-01 area:Shirley`,
            ),
          ),
        () =>
          step(
            teamsOp(
              OFFICER,
              'setup',
              `group add ${teamsMention(p)} role:member tenure:tenant since:2020-01-01 area:Shirley`,
              [p],
            ),
          ),
      ]),
    );
    await inBatches(
      members.flatMap((p) => [
        () => step(slackOp(OFFICER, 'setup', `member record ${slackMention(p)} ${ready}`)),
        () => step(teamsOp(OFFICER, 'setup', `member record ${teamsMention(p)} ${ready}`, [p])),
      ]),
    );
    await step(slackOp(OFFICER, 'setup', `attendance ${everyone.map(slackMention).join(' ')}`));
    await step(
      teamsOp(OFFICER, 'setup', `attendance ${everyone.map(teamsMention).join(' ')}`, everyone),
    );
    for (const reason of ['Talking over the chair', 'Again', 'Personal remarks']) {
      await step(slackOp(OFFICER, 'warn', `conduct warn ${slackMention(SUBJECT)} "${reason}"`));
      warned('slack', SUBJECT);
      await step(
        teamsOp(OFFICER, 'warn', `conduct warn ${teamsMention(SUBJECT)} "${reason}"`, [SUBJECT]),
      );
      warned('teams', SUBJECT);
    }
    const slackVote = await step(
      slackOp(OFFICER, 'setup', `conduct vote ${slackMention(SUBJECT)} action:leave-meeting`),
    );
    ballots.slack = /ballot\.vote:([0-9a-f]{24}):yes/.exec(slackVote)?.[1] ?? '';
    const callsBefore = stub.calls.length;
    await step(
      teamsOp(OFFICER, 'setup', `conduct vote ${teamsMention(SUBJECT)} action:leave-meeting`, [
        SUBJECT,
      ]),
    );
    ballots.teams =
      stub.calls
        .slice(callsBefore)
        .map((c) => /"ballotId":"([0-9a-f]{24})"/.exec(c.body)?.[1])
        .find(Boolean) ?? '';
    expect(ballots).toEqual({ slack: expect.any(String), teams: expect.any(String) });
    expect(ballots.slack).not.toBe('');
    expect(ballots.teams).not.toBe('');
    const setupSeconds = (Date.now() - started) / 1000;

    // Phase one: warnings, evidence requests due today and tomorrow (whose reminders fall due at
    // 09:00), Slack votes and reads, and bot A killed with SIGKILL and started again meanwhile.
    const evidenceOp = (platform: Platform, p: Person, n: number): Op => {
      const token = `item-${platform}-${n}`;
      sentEvidence.push({ platform, token, owner: p });
      const due = n % 2 === 0 ? '10/03/2026' : '11/03/2026';
      return platform === 'slack'
        ? slackOp(OFFICER, 'evidence', `evidence request ${slackMention(p)} "${token}" due:${due}`)
        : teamsOp(
            OFFICER,
            'evidence',
            `evidence request ${teamsMention(p)} "${token}" due:${due}`,
            [p],
          );
    };
    const warnOp = (platform: Platform, p: Person, n: number): Op => {
      warned(platform, p);
      return platform === 'slack'
        ? slackOp(OFFICER, 'warn', `conduct warn ${slackMention(p)} "Interrupting ${n}"`)
        : teamsOp(OFFICER, 'warn', `conduct warn ${teamsMention(p)} "Interrupting ${n}"`, [p]);
    };
    const phaseOne: Op[][] = members.flatMap((p, i) => [
      [warnOp('slack', p, 1), evidenceOp('slack', p, i), slackVoteOp(p, ballots.slack)],
      [warnOp('teams', p, 1), evidenceOp('teams', p, i), teamsOp(p, 'mine', 'mine')],
      [slackOp(p, 'mine', 'mine')],
    ]);
    const phaseOneTotal = phaseOne.flat().length;
    let done = 0;
    let killed: { at: number; restarted: Promise<ServerProcess> } | undefined;
    const phaseOneOutcomes = await runChains(phaseOne, 6, () => {
      done += 1;
      if (killed || done < phaseOneTotal / 3) return;
      a.child.kill('SIGKILL');
      killed = {
        at: Date.now(),
        restarted: (async () => {
          await exited(a);
          const again = await start('bot A, again');
          const slot = proxy.backends.find((backend) => backend.name === 'A');
          if (slot) Object.assign(slot, { name: 'A2', url: again.url });
          return again;
        })(),
      };
    });
    expect(killed).toBeDefined();
    const a2 = await (killed as NonNullable<typeof killed>).restarted;
    expect(await exited(a)).toEqual({ code: null, signal: 'SIGKILL' });

    // Every deadline exists before 09:00 (by the shifted clock): its reminder is due at nine.
    expect(shiftedNow()).toBeLessThan(NINE);
    setClock(BEFORE_NINE);

    // Phase two: Teams votes, second warnings and reads while the reminders go out; bot B
    // stopped with SIGTERM once the first reminder has been sent, with requests in flight.
    const isNudge = (c: StubCall) =>
      (c.kind === 'connector' || c.path.startsWith('/api/chat.postMessage')) &&
      /Due today|Reminder: due on the next working day/.test(
        // The Web API client posts form-encoded bodies.
        c.kind === 'connector' ? c.body : decodeURIComponent(c.body.replace(/\+/g, ' ')),
      );
    const phaseTwo: Op[][] = members.flatMap((p) => [
      [teamsVoteOp(p, ballots.teams), warnOp('teams', p, 2)],
      [warnOp('slack', p, 2), slackOp(p, 'mine', 'mine')],
      [teamsOp(p, 'mine', 'mine'), slackOp(p, 'mine', 'mine')],
    ]);
    const phaseTwoTotal = phaseTwo.flat().length;
    done = 0;
    let terminated: { at: number; exit: Promise<{ code: number | null; signal: string | null }> };
    let stopB: Promise<void> | undefined;
    const phaseTwoOutcomes = await runChains(phaseTwo, 6, () => {
      done += 1;
      if (stopB || done < phaseTwoTotal / 3) return;
      stopB = (async () => {
        await until('the first reminder', () => stub.calls.some(isNudge), 30_000);
        terminated = { at: Date.now(), exit: exited(b) };
        b.child.kill('SIGTERM');
      })();
    });
    await stopB;
    const bExit = await Promise.race([
      terminated!.exit,
      delay(DRAIN_TIMEOUT_MS + 5000).then(() => 'still running' as const),
    ]);
    const bStoppedInMs = Date.now() - terminated!.at;
    expect(bExit).toEqual({ code: 0, signal: null });

    const outcomes = [...phaseOneOutcomes, ...phaseTwoOutcomes];
    // Nothing refused: every signature, every command understood.
    expect(outcomes.filter((o) => o.status !== 200).map((o) => `${o.op.id} ${o.status}`)).toEqual(
      [],
    );

    // Slack answers after its ack; each acknowledged command or click is answered once. What
    // the killed process had acknowledged and not done is done by the other's schedule once its
    // claim is 30 s old (TAKE_OVER_AFTER_MS), so this waits longer than that.
    const slackOps = outcomes.filter((o) => o.op.platform === 'slack').map((o) => o.op);
    await until(
      'every Slack answer',
      () => slackOps.every((op) => answerOf(op) !== undefined),
      75_000,
    ).catch(() => undefined);
    const unanswered = slackOps
      .filter((op) => answerOf(op) === undefined)
      .map((op) => `${op.id} ${op.what} (acked by ${proxy.servedBy.get(op.id)})`);
    // Nothing the killed process had in hand is lost. A Teams turn that dies with it is sent
    // again by the platform (here, by send()): the repeat is turned away while the first might
    // still be running, then takes it over and does what the first did not (see the inbound
    // ledger and delivery-scope). A Slack command or click is kept with its claim from before
    // its ack, and the other process's schedule does the work of one left unfinished.
    const lostAfterAck = slackOps.filter((op) => answerOf(op) === undefined);
    expect(
      lostAfterAck.map((op) => `${op.id} ${op.what} (acked by ${proxy.servedBy.get(op.id)})`),
    ).toEqual([]);
    const lost = (what: Op['what'], mention = '') =>
      lostAfterAck.filter(
        (op) =>
          op.what === what &&
          (op.body.includes(encodeURIComponent(mention)) || op.body.includes(mention)),
      ).length;

    process.stdout.write(
      `${JSON.stringify(
        {
          setupSeconds,
          totalSeconds: (Date.now() - started) / 1000,
          requests: outcomes.length,
          retried: outcomes
            .filter((o) => o.attempts > 1)
            .map((o) => `${o.op.id} ${o.op.what}×${o.attempts} ${o.servedBy}`),
          proxyErrors: proxy.errors.map((e) => `${e.backend} ${e.code} ${e.op}`),
          killedAt: killed ? killed.at - started : undefined,
          bStoppedInMs,
          unanswered,
          lostAfterAck: lostAfterAck.map((op) => `${op.id} ${op.what}`),
        },
        null,
        1,
      )}\n`,
    );

    // Reminders: every deadline is due at nine, the sweeps of both processes race for them.
    const deadlines = db.collection<{ _id: string; createdAt: Date; subject: { id: string } }>(
      'deadlines',
    );
    const nudges = db.collection<{
      deadlineId: string;
      stage: string;
      recipientId: string;
      state: string;
      claimedBy?: string;
    }>('nudges');
    await until(
      'every reminder sent',
      async () =>
        (await nudges.countDocuments({ state: 'sent' })) >= (await deadlines.countDocuments()) &&
        (await nudges.countDocuments({ state: { $in: ['pending', 'sending'] } })) === 0,
      60_000,
    ).catch(() => undefined);

    // The ballots close when everyone eligible has voted.
    const ballotDocs = db.collection<{
      _id: string;
      state: string;
      outcome?: { yes: number; no: number; abstain: number };
    }>('ballots');
    await until(
      'both ballots closed',
      async () => (await ballotDocs.countDocuments({ state: 'closed' })) === 2,
      30_000,
    ).catch(() => undefined);

    // Then bot A is stopped too, as at the end of a deployment.
    const aStopping = exited(a2);
    a2.child.kill('SIGTERM');
    expect(await aStopping).toEqual({ code: 0, signal: null });

    const people = await db
      .collection<{ _id: string; platformUserId: string; organisationId: string }>('people')
      .find({})
      .toArray();
    const personOf = (platformUserId: string) =>
      people.find((p) => p.platformUserId === platformUserId)?._id;

    // Votes: each ballot's tally is exactly the votes sent, each voter counted once.
    const participation = await db
      .collection<{ ballotId: string; personId: string }>('ballot_participation')
      .find({})
      .toArray();
    for (const platform of ['slack', 'teams'] as const) {
      const ballot = await ballotDocs.findOne({ _id: ballots[platform] });
      const roll = await db
        .collection<{ _id: string; eligible: string[] }>('ballot_rolls')
        .findOne({ _id: ballots[platform] });
      const voters = participation.filter((v) => v.ballotId === ballots[platform]);
      const votesLost = lostAfterAck.filter(
        (op) => op.what === 'vote' && op.platform === platform,
      ).length;
      expect(new Set(voters.map((v) => v.personId)).size).toBe(voters.length);
      expect(voters.length).toBeLessThanOrEqual(MEMBERS);
      // Whose vote is missing, and what became of the requests that carried it.
      const uncounted = members
        .filter((p) => {
          const personId = personOf(platform === 'slack' ? p.slackId : p.aad);
          return !voters.some((v) => v.personId === personId);
        })
        .flatMap((p) =>
          outcomes
            .filter(
              (o) =>
                o.op.what === 'vote' &&
                o.op.platform === platform &&
                (o.op.body.includes(p.slackId) || o.op.body.includes(p.aad)),
            )
            .map((o) => ({
              who: p.name,
              op: o.op.id,
              status: o.status,
              attempts: o.attempts,
              servedBy: o.servedBy,
              text: o.text.slice(0, 300),
              answer: answerOf(o.op)?.body.slice(0, 300),
            })),
        );
      expect({
        platform,
        counted: voters.length,
        eligible: roll?.eligible.length,
        outcome: ballot?.outcome,
        uncounted,
      }).toEqual({
        platform,
        counted: expect.any(Number),
        eligible: roll?.eligible.length,
        outcome: ballot?.outcome,
        uncounted: uncounted.slice(0, votesLost),
      });
      expect(voters.length).toBeGreaterThanOrEqual(MEMBERS - votesLost);
      if (voters.length === MEMBERS) {
        expect(ballot?.state).toBe('closed');
        expect(ballot?.outcome).toMatchObject({ yes: MEMBERS, no: 0, abstain: 0 });
      }
    }

    // Warnings: as many on record for each person as were given, none lost, none twice.
    const warnings = await db
      .collection<{ subjectId: string; kind: string }>('conduct_events')
      .find({ kind: 'warned' })
      .toArray();
    const storedWarnings = Object.fromEntries(
      [...sentWarnings.keys()].map((key) => {
        const personId = personOf(key.split(':')[1] ?? '');
        return [key, warnings.filter((w) => w.subjectId === personId).length];
      }),
    );
    for (const [key, sent] of sentWarnings) {
      const [platform, id] = key.split(':') as [Platform, string];
      const who = everyone.find((p) => p.slackId === id || p.aad === id);
      const mayBeLost = lostAfterAck.filter(
        (op) =>
          op.platform === platform &&
          op.what === 'warn' &&
          (platform === 'slack'
            ? op.body.includes(encodeURIComponent(`<@${id}|`))
            : op.body.includes(`"id":"${who?.aad ?? id}"`)),
      ).length;
      const stored = storedWarnings[key] ?? 0;
      expect({
        key,
        sent,
        mayBeLost,
        stored,
        once: stored <= sent && stored >= sent - mayBeLost,
      }).toEqual({ key, sent, mayBeLost, stored, once: true });
    }

    // Attendance: everyone once.
    expect(await db.collection('attendance').countDocuments()).toBe(2 * everyone.length);

    // Evidence requests: one each, one deadline each.
    const requests = await db
      .collection<{ _id: string; what: string; deadlineId: string }>('evidence_requests')
      .find({})
      .toArray();
    for (const { token } of sentEvidence) {
      const stored = requests.filter((r) => r.what === token).length;
      const mayBeLost = lost('evidence', token);
      expect({ token, once: mayBeLost ? stored <= 1 : stored === 1 }).toEqual({
        token,
        once: true,
      });
    }
    const allDeadlines = await deadlines.find({}).toArray();
    // Every stored request has its one deadline. A request killed between its deadline and its
    // own record leaves the deadline alone (the partial write issue 19 records as not yet
    // fixed): at most one such orphan per request lost in the kill, never otherwise.
    const requestIds = new Set(requests.map((r) => r._id));
    const withRequest = allDeadlines.filter((d) => requestIds.has(d.subject.id));
    expect(withRequest.map((d) => d.subject.id).sort()).toEqual([...requestIds].sort());
    const orphans = allDeadlines.length - withRequest.length;
    expect(orphans).toBeLessThanOrEqual(lost('evidence'));

    // Reminders: one record per deadline, sent, and exactly one message each at the platform.
    const nudgeDocs = await nudges.find({}).toArray();
    expect(nudgeDocs.map((n) => n.state)).toEqual(allDeadlines.map(() => 'sent'));
    const received = stub.calls.filter(isNudge);
    const stored = new Set(requests.map((r) => r.what));
    const timesReceived = Object.fromEntries(
      sentEvidence.map((e) => [e.token, received.filter((c) => c.body.includes(e.token)).length]),
    );
    expect(timesReceived).toEqual(
      Object.fromEntries(sentEvidence.map((e) => [e.token, stored.has(e.token) ? 1 : 0])),
    );

    // The proxy: requests lost with the killed process are counted; none with the drained one.
    const errorsAfterTerm = proxy.errors.filter(
      (e) => e.backend === 'B' && e.at >= (terminated?.at ?? Infinity),
    );
    expect(errorsAfterTerm).toEqual([]);
    expect(
      slackOps
        .filter((op) => answerOf(op) === undefined && !lostAfterAck.includes(op))
        .map((op) => op.id),
    ).toEqual([]);
  });
});
