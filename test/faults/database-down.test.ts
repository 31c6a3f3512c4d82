import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { TRY_AGAIN_TEXT } from '../../src/app/shared/unavailable';
import { startBot, type RunningBot } from '../../src/bot';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log/logger';
import { groupModel } from '../../src/store/groups/group-model';
import { findFerretDb, startFerretDb } from '../../src/store/server/ferretdb';
import type { RunningDatabase } from '../../src/store/server/running-database';
import { withDatabaseName } from '../support/database';
import { onlyLoopbackNetwork, post } from '../support/http';
import { captureSlack, slackEnv } from '../support/slack';
import { slackSession } from '../support/slack-session';
import { shown, teamsChannel } from '../support/teams';

const OFFICER = { id: 'U0DOWNOFFICER', name: 'olive' };
const TEAMS_OFFICER = { aad: '66666666-6666-4666-8666-666666666601', name: 'Tess Officer' };

describe('when the database stops while requests arrive', () => {
  onlyLoopbackNetwork();
  const dir = mkdtempSync(join(tmpdir(), 'scrutiny-down-'));
  // The FerretDB the run's global setup found or built.
  const binary =
    process.env.TEST_FERRETDB_BIN ??
    findFerretDb(process.env.PATH, process.env.FERRETDB_BIN) ??
    'ferretdb';
  let database: RunningDatabase;
  let port = 0;
  let bot: RunningBot;
  const slack = captureSlack(nock);
  const teams = teamsChannel({
    service: 'https://smba.down.example',
    tenant: 'tenant-down',
    channel: '19:down@thread.tacv2',
  });
  const session = slackSession(() => bot.url, slack, { team: 'T0DOWN', channel: 'C0DOWN' });

  beforeAll(async () => {
    database = await startFerretDb({ binary, dataDir: join(dir, 'ferretdb') });
    port = Number(new URL(database.uri).port);
    const config = loadConfig({
      ...slackEnv,
      MONGODB_URI: withDatabaseName(database.uri, 'down'),
      PORT: '0',
      HOST: '127.0.0.1',
      TEAMS_MODE: 'emulator',
      LOG_LEVEL: 'silent',
      BOOTSTRAP_OFFICERS: `${OFFICER.id},${TEAMS_OFFICER.aad}`,
    });
    bot = await startBot(config, createLogger('silent'), {
      drainTimeoutMs: 1000,
      runSchedules: false,
    });
  });
  beforeEach(() => slack.install());
  afterAll(async () => {
    await bot.stop();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says "try again in a moment" in Slack and Teams, writes nothing, goes unready, and recovers by itself', async () => {
    expect((await session.slash(OFFICER, 'help')).text).toContain('group create');
    await database.stop();
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);

    // A form sent now stays open and says so beside its first field, what was typed kept: the
    // listener answers itself (the receiver's own safety net would only send an empty 200).
    // Slack closes a modal whose submission is not answered within 3 seconds:
    // https://docs.slack.dev/tools/bolt-js/concepts/acknowledge
    const form = await session.submit(
      OFFICER,
      'declaration-form',
      { groupId: 'G-DOWN' },
      {
        kind: { type: 'static_select', selected_option: { value: 'other' } },
        detail: session.typed('My cousin works in lettings'),
      },
    );
    expect(form.json()).toEqual({ response_action: 'errors', errors: { kind: TRY_AGAIN_TEXT } });

    const down = await session.slash(OFFICER, 'group create "Down Panel" preset:torus-tims');
    expect(down.body).toMatchObject({ replace_original: true, text: TRY_AGAIN_TEXT });

    const sent = teams.capture();
    const res = await post(
      `${bot.url}/api/messages`,
      JSON.stringify(teams.command(TEAMS_OFFICER, 'group create "Teams Down" preset:torus-tims')),
      { 'content-type': 'application/json' },
    );
    expect(res.status).toBeLessThan(600);
    expect(sent.map(shown).join('\n')).toContain('I can’t reach the scrutiny records just now');

    // The same server comes back on the same port and files.
    database = await startFerretDb({ binary, dataDir: join(dir, 'ferretdb'), port });
    const up = await session.slash(OFFICER, 'group create "Up Panel" preset:torus-tims');
    expect(up.text).toContain('Up Panel');
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    const names = (await groupModel(bot.connection).find({}).lean()).map((g) => g.name);
    expect(names).toEqual(['Up Panel']);
  }, 60_000);
});
