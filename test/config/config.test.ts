import { ConfigError, describeChannels, loadConfig } from '../../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration from the environment', () => {
  it('runs with no variables at all: defaults, closed: Teams off, Slack off', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.host).toBe('0.0.0.0');
    expect(config.httpListeners).toBe(16);
    expect(loadConfig({ HTTP_LISTENERS: '1' }).httpListeners).toBe(1);
    expect(config.timeZone).toBe('Europe/London');
    expect(config.logLevel).toBe('info');
    expect(config.mongodbUri).toBeUndefined();
    expect(config.teams).toEqual({ mode: 'off' });
    expect(config.slack).toEqual({ mode: 'off' });
    const lines = describeChannels(config);
    expect(lines.teams).toMatch(/^Teams: off/);
    expect(lines.slack).toBe('Slack: off (no SLACK_SIGNING_SECRET)');
  });

  it('runs the unauthenticated emulator mode only when asked, and then only on loopback', () => {
    const config = loadConfig({ TEAMS_MODE: 'emulator' });
    expect(config.teams).toEqual({ mode: 'emulator' });
    expect(config.host).toBe('127.0.0.1');
    expect(describeChannels(config).teams).toMatch(/^Teams: local emulator mode .*127\.0\.0\.1/);
    expect(loadConfig({ TEAMS_MODE: 'emulator', HOST: '::1' }).host).toBe('::1');
    expect(() => loadConfig({ TEAMS_MODE: 'emulator', HOST: '0.0.0.0' })).toThrow(
      'HOST: TEAMS_MODE=emulator serves Teams without authentication, so only on loopback (127.0.0.1, ::1 or localhost), not 0.0.0.0',
    );
    expect(() =>
      loadConfig({ TEAMS_MODE: 'emulator', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'pw' }),
    ).toThrow(
      'TEAMS_MODE: emulator turns authentication off and cannot be used with MICROSOFT_APP_ID',
    );
    expect(() => loadConfig({ TEAMS_MODE: 'authenticated' })).toThrow(
      'MICROSOFT_APP_ID: required when TEAMS_MODE is authenticated',
    );
    expect(() => loadConfig({ TEAMS_MODE: 'open' })).toThrow(
      'TEAMS_MODE: expected off, emulator or authenticated (got "open")',
    );
    expect(
      loadConfig({ TEAMS_MODE: 'off', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'pw' })
        .teams,
    ).toEqual({ mode: 'off' });
  });

  it.each([
    ['PORT', 'abc', 'PORT: expected a whole number from 0 to 65535 (got "abc")'],
    ['PORT', '70000', 'PORT: expected a whole number from 0 to 65535 (got "70000")'],
    [
      'TIME_ZONE',
      'Mars/Olympus',
      'TIME_ZONE: expected an IANA time zone such as Europe/London (got "Mars/Olympus")',
    ],
    [
      'LOG_LEVEL',
      'loud',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [
      'MICROSOFT_APP_TYPE',
      'Other',
      'MICROSOFT_APP_TYPE: expected MultiTenant, SingleTenant or UserAssignedMSI (got "Other")',
    ],
    [
      'SLACK_API_URL',
      'ftp://slack',
      'SLACK_API_URL: expected an http:// or https:// URL (got "ftp://slack")',
    ],
    ['FERRETDB_PORT', '-1', 'FERRETDB_PORT: expected a whole number from 0 to 65535 (got "-1")'],
    ['HTTP_LISTENERS', '0', 'HTTP_LISTENERS: expected a whole number from 1 to 64 (got "0")'],
    ['HTTP_LISTENERS', '65', 'HTTP_LISTENERS: expected a whole number from 1 to 64 (got "65")'],
  ])('%s=%s is refused with a message naming the variable', (name, value, message) => {
    expect(problemsOf({ [name]: value })).toEqual([message]);
  });

  it('never echoes a secret value back', () => {
    const problems = problemsOf({
      MONGODB_URI: 'postgres://user:hunter2@db',
      FERRETDB_POSTGRESQL_URL: 'mongodb://user:swordfish@db',
      SLACK_BOT_TOKEN: 'xoxp-secret-user-token',
    });
    expect(problems).toEqual([
      'MONGODB_URI: expected a connection string starting mongodb:// or mongodb+srv://',
      'FERRETDB_POSTGRESQL_URL: expected a postgres:// or postgresql:// URL',
      'SLACK_BOT_TOKEN: expected a bot token starting xoxb-',
    ]);
    expect(problems.join(' ')).not.toMatch(/hunter2|swordfish|secret-user-token/);
  });

  it('reports every bad variable at once', () => {
    expect(
      problemsOf({ PORT: 'x', LOG_LEVEL: 'y', TIME_ZONE: 'z' }).map((p) => p.split(':')[0]),
    ).toEqual(['PORT', 'TIME_ZONE', 'LOG_LEVEL']);
  });

  it('Teams: an app id needs its password, and a single-tenant app its tenant id', () => {
    expect(problemsOf({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TYPE: 'SingleTenant' })).toEqual([
      'MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set and MICROSOFT_APP_TYPE is SingleTenant',
      'MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE is SingleTenant',
    ]);
    expect(problemsOf({ MICROSOFT_APP_PASSWORD: 'pw' })).toEqual([
      'MICROSOFT_APP_PASSWORD: is set but MICROSOFT_APP_ID is not; set both or neither',
    ]);
  });

  it('Teams: a complete multi-tenant registration switches authentication on', () => {
    const config = loadConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'pw' });
    expect(config.teams).toEqual({
      mode: 'authenticated',
      appId: 'app-id',
      appPassword: 'pw',
      appTenantId: undefined,
      appType: 'MultiTenant',
    });
    expect(describeChannels(config).teams).toBe('Teams: on (MultiTenant app app-id)');
  });

  it('Slack: a token without the signing secret, or a secret without a token, is refused', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      'SLACK_SIGNING_SECRET: required to turn Slack on (it verifies every request from Slack)',
    ]);
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })).toEqual([
      'SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET (or set the SLACK_CLIENT_* variables for OAuth)',
    ]);
  });

  it('Slack: OAuth needs all three client settings, and not a bot token as well', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'id' })).toEqual([
      'SLACK_CLIENT_SECRET: required for Slack OAuth (multi-workspace) installation',
      'SLACK_STATE_SECRET: required for Slack OAuth (multi-workspace) installation',
    ]);
    expect(
      problemsOf({
        SLACK_SIGNING_SECRET: 's',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_CLIENT_ID: 'id',
      })[0],
    ).toMatch(/^SLACK_BOT_TOKEN: set either a bot token/);
  });

  it('Slack: a signing secret and bot token switch one workspace on, with the API URL configurable', () => {
    const config = loadConfig({
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(config.slack).toEqual({
      mode: 'single-workspace',
      signingSecret: 's',
      botToken: 'xoxb-1',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    expect(describeChannels(config).slack).toBe('Slack: on (one workspace, bot token)');
  });

  it('Slack: an app-level token switches on Socket Mode for one workspace, without a signing secret', () => {
    const config = loadConfig({
      SLACK_APP_TOKEN: 'xapp-1-A0SCRUTINY-1234-abcdef',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(config.slack).toEqual({
      mode: 'socket-mode',
      appToken: 'xapp-1-A0SCRUTINY-1234-abcdef',
      botToken: 'xoxb-1',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    expect(describeChannels(config).slack).toMatch(/^Slack: on \(one workspace, Socket Mode/);
    // A signing secret left over from HTTP mode is accepted and unused.
    expect(
      loadConfig({
        SLACK_APP_TOKEN: 'xapp-1',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
      }).slack.mode,
    ).toBe('socket-mode');
    // Without it, HTTP stays the default.
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).slack.mode).toBe(
      'single-workspace',
    );
  });

  it('Slack: an app token that is not xapp- is refused without echoing it; Socket Mode needs a bot token and refuses OAuth', () => {
    expect(
      problemsOf({ SLACK_APP_TOKEN: 'xoxb-secret-bot-token', SLACK_BOT_TOKEN: 'xoxb-1' }),
    ).toEqual(['SLACK_APP_TOKEN: expected an app-level token starting xapp-']);
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual([
      'SLACK_BOT_TOKEN: required with SLACK_APP_TOKEN (Socket Mode)',
    ]);
    const oauth = problemsOf({
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: 'id',
      SLACK_CLIENT_SECRET: 'secret',
      SLACK_STATE_SECRET: 'state',
    });
    expect(oauth).toHaveLength(1);
    expect(oauth[0]).toMatch(/^SLACK_APP_TOKEN: Socket Mode works for one workspace/);
    expect(oauth[0]).toContain('public HTTPS endpoint');
  });

  it('nudge schedules and working hours have defaults and refuse what they cannot read', () => {
    expect(loadConfig({}).nudges).toEqual({
      sweepCron: '*/5 * * * *',
      digestCron: '0 8 * * 1-5',
      workingHours: { start: '09:00', end: '17:30' },
      overdueNudges: 3,
    });
    expect(
      loadConfig({ NUDGE_WORKING_HOURS: '08:30-16:00', NUDGE_OVERDUE_COUNT: '5' }).nudges,
    ).toMatchObject({ workingHours: { start: '08:30', end: '16:00' }, overdueNudges: 5 });
    expect(
      problemsOf({
        NUDGE_SWEEP_CRON: 'every five minutes',
        NUDGE_WORKING_HOURS: '17:00-09:00',
        NUDGE_OVERDUE_COUNT: 'lots',
      }).map((p) => p.split(':')[0]),
    ).toEqual(['NUDGE_SWEEP_CRON', 'NUDGE_WORKING_HOURS', 'NUDGE_OVERDUE_COUNT']);
  });

  it('reads bootstrap officers as a comma-separated list', () => {
    expect(loadConfig({ BOOTSTRAP_OFFICERS: ' U1, aad-2 ,,' }).bootstrapOfficers).toEqual([
      'U1',
      'aad-2',
    ]);
  });
});
