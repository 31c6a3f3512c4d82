import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { envSchema, secretVariables, type Env } from './env-schema';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type TeamsConfig =
  | { mode: 'off' }
  /** Unauthenticated, for the Bot Framework Emulator on a developer's machine: loopback only. */
  | { mode: 'emulator' }
  | {
      mode: 'authenticated';
      appId: string;
      appPassword: string | undefined;
      appTenantId: string | undefined;
      appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    };

export type SlackConfig =
  | { mode: 'off' }
  | { mode: 'single-workspace'; signingSecret: string; botToken: string; apiUrl: string }
  /**
   * One workspace over Slack's Socket Mode: the bot dials out to Slack over a WebSocket, so it
   * needs no public HTTPS endpoint and no signing secret (nothing reaches it over HTTP).
   */
  | { mode: 'socket-mode'; appToken: string; botToken: string; apiUrl: string }
  | {
      mode: 'oauth';
      signingSecret: string;
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      apiUrl: string;
    };

export interface Config {
  port: number;
  host: string;
  /** Sockets sharing the port where SO_REUSEPORT is available (see http/listeners). */
  httpListeners: number;
  mongodbUri: string | undefined;
  dataDir: string;
  ferretDbBinary: string | undefined;
  ferretDbPort: number;
  /** Where the embedded FerretDB is built when none is on PATH; undefined: the project's .tools. */
  ferretDbInstallDir: string | undefined;
  /** auto: FerretDB on PostgreSQL where its server binaries are found, else on SQLite. */
  embeddedBackend: 'auto' | 'postgres' | 'sqlite';
  /** A directory holding PostgreSQL's initdb and postgres, overriding the search. */
  pgBin: string | undefined;
  /**
   * The PostgreSQL that a FerretDB v1 given in MONGODB_URI keeps its data in: the bot adds the
   * indexes FerretDB's equality filters can use (see store/server/equality-indexes).
   */
  ferretDbPostgresqlUrl: string | undefined;
  timeZone: string;
  logLevel: LogLevel;
  teams: TeamsConfig;
  slack: SlackConfig;
  /** Teams AAD object ids and Slack user ids allowed to create the first groups. */
  bootstrapOfficers: string[];
  nudges: {
    /** How often the deadline sweep runs (cron, in TIME_ZONE). */
    sweepCron: string;
    /** The officers' morning digest (cron, in TIME_ZONE); it skips bank holidays itself. */
    digestCron: string;
    workingHours: { start: string; end: string };
    overdueNudges: number;
  };
  /** Links to findings files: signed with linkSecret, on publicUrl (else where the bot listens). */
  files: { publicUrl: string | undefined; linkSecret: string };
  /** /metrics in Prometheus format: off unless asked for; a token guards it off loopback. */
  metrics: { enabled: boolean; token: string | undefined };
  /** The privacy notice and terms of use the app manifests link to. */
  pages: {
    landlord: string;
    contact: string;
    retentionYears: number;
    privacyFile: string | undefined;
    termsFile: string | undefined;
  };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/**
 * Reads the configuration from environment variables. Every problem is reported at once, each
 * naming its variable and what it expects; secret values are never echoed back.
 */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'configuration');
        const raw = source[name];
        const shown = secretVariables.has(name) || raw === undefined ? '' : ` (got "${raw}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  const teams = teamsConfig(env, problems);
  const slack = slackConfig(env, problems);
  // The emulator mode takes any request as Teams: it may only listen where nobody else can reach.
  const host = env.HOST ?? (teams?.mode === 'emulator' ? '127.0.0.1' : '0.0.0.0');
  if (teams?.mode === 'emulator' && !LOOPBACK_HOSTS.has(host))
    problems.push(
      `HOST: TEAMS_MODE=emulator serves Teams without authentication, so only on loopback (127.0.0.1, ::1 or localhost), not ${host}`,
    );
  // Metrics name commands and counts people's work: off loopback, only to whoever holds the token.
  if (env.METRICS && !env.METRICS_TOKEN && !LOOPBACK_HOSTS.has(host))
    problems.push(
      `METRICS_TOKEN: METRICS=on with HOST=${host} would show /metrics to anyone who can reach the bot; set a token for Prometheus to send, or listen on loopback`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: env.PORT,
    host,
    httpListeners: env.HTTP_LISTENERS,
    mongodbUri: env.MONGODB_URI,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    ferretDbBinary: env.FERRETDB_BIN,
    ferretDbPort: env.FERRETDB_PORT,
    ferretDbInstallDir: env.FERRETDB_INSTALL_DIR,
    embeddedBackend: env.EMBEDDED_BACKEND,
    pgBin: env.PG_BIN,
    ferretDbPostgresqlUrl: env.FERRETDB_POSTGRESQL_URL,
    timeZone: env.TIME_ZONE ?? 'Europe/London',
    logLevel: (env.LOG_LEVEL as LogLevel | undefined) ?? 'info',
    teams: teams ?? { mode: 'off' },
    slack: slack ?? { mode: 'off' },
    bootstrapOfficers: env.BOOTSTRAP_OFFICERS,
    nudges: {
      sweepCron: env.NUDGE_SWEEP_CRON,
      digestCron: env.DIGEST_CRON,
      workingHours: env.NUDGE_WORKING_HOURS,
      overdueNudges: env.NUDGE_OVERDUE_COUNT,
    },
    files: {
      publicUrl: env.PUBLIC_URL,
      // Without one set, links last only as long as this process: fine on one machine, not
      // behind a load balancer, where every instance must share it.
      linkSecret: env.FILE_LINK_SECRET ?? randomBytes(32).toString('hex'),
    },
    metrics: { enabled: env.METRICS, token: env.METRICS_TOKEN },
    pages: {
      landlord: env.LANDLORD_NAME ?? 'Your landlord',
      contact: env.PRIVACY_CONTACT ?? 'your landlord’s data protection officer',
      retentionYears: env.RETENTION_YEARS,
      privacyFile: env.PRIVACY_NOTICE_FILE ? resolve(env.PRIVACY_NOTICE_FILE) : undefined,
      termsFile: env.TERMS_FILE ? resolve(env.TERMS_FILE) : undefined,
    },
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Teams is off unless configured: MICROSOFT_APP_ID turns it on, authenticated; the emulator's
 * unauthenticated mode only when TEAMS_MODE=emulator asks for it.
 */
function teamsConfig(env: Env, problems: string[]): TeamsConfig | undefined {
  const appType = (env.MICROSOFT_APP_TYPE ?? 'MultiTenant') as
    'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  const asked = env.TEAMS_MODE;
  if (!env.MICROSOFT_APP_ID) {
    for (const name of [
      'MICROSOFT_APP_PASSWORD',
      'MICROSOFT_APP_TENANT_ID',
      'MICROSOFT_APP_TYPE',
    ] as const) {
      if (env[name])
        problems.push(`${name}: is set but MICROSOFT_APP_ID is not; set both or neither`);
    }
    if (asked === 'authenticated')
      problems.push('MICROSOFT_APP_ID: required when TEAMS_MODE is authenticated');
    return { mode: asked === 'emulator' ? 'emulator' : 'off' };
  }
  if (asked === 'off') return { mode: 'off' };
  if (asked === 'emulator') {
    problems.push(
      'TEAMS_MODE: emulator turns authentication off and cannot be used with MICROSOFT_APP_ID',
    );
    return undefined;
  }
  if (appType !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
    problems.push(
      `MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set and MICROSOFT_APP_TYPE is ${appType}`,
    );
  }
  if (appType !== 'MultiTenant' && !env.MICROSOFT_APP_TENANT_ID) {
    problems.push(`MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE is ${appType}`);
  }
  return {
    mode: 'authenticated',
    appId: env.MICROSOFT_APP_ID,
    appPassword: env.MICROSOFT_APP_PASSWORD,
    appTenantId: env.MICROSOFT_APP_TENANT_ID,
    appType,
  };
}

function slackConfig(env: Env, problems: string[]): SlackConfig | undefined {
  const apiUrl = withTrailingSlash(env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL);
  const oauthVars = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const anyOauth = oauthVars.some((name) => env[name]);
  if (env.SLACK_APP_TOKEN) return socketModeConfig(env, env.SLACK_APP_TOKEN, anyOauth, problems);
  if (!env.SLACK_SIGNING_SECRET) {
    if (env.SLACK_BOT_TOKEN || anyOauth) {
      problems.push(
        'SLACK_SIGNING_SECRET: required to turn Slack on (it verifies every request from Slack)',
      );
    }
    return { mode: 'off' };
  }
  if (env.SLACK_BOT_TOKEN && anyOauth) {
    problems.push(
      'SLACK_BOT_TOKEN: set either a bot token (one workspace) or SLACK_CLIENT_ID/SECRET/STATE_SECRET (OAuth, many workspaces), not both',
    );
    return undefined;
  }
  if (env.SLACK_BOT_TOKEN) {
    return {
      mode: 'single-workspace',
      signingSecret: env.SLACK_SIGNING_SECRET,
      botToken: env.SLACK_BOT_TOKEN,
      apiUrl,
    };
  }
  if (anyOauth) {
    const missing = oauthVars.filter((name) => !env[name]);
    for (const name of missing)
      problems.push(`${name}: required for Slack OAuth (multi-workspace) installation`);
    if (missing.length > 0) return undefined;
    return {
      mode: 'oauth',
      signingSecret: env.SLACK_SIGNING_SECRET,
      clientId: env.SLACK_CLIENT_ID as string,
      clientSecret: env.SLACK_CLIENT_SECRET as string,
      stateSecret: env.SLACK_STATE_SECRET as string,
      apiUrl,
    };
  }
  problems.push(
    'SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET (or set the SLACK_CLIENT_* variables for OAuth)',
  );
  return undefined;
}

/**
 * Socket Mode for one workspace only: OAuth installation needs Slack to reach our redirect
 * page over HTTPS, which is what Socket Mode is for not having, and Slack keeps Socket Mode apps
 * out of its Marketplace. A signing secret left set is harmless: nothing arrives over HTTP.
 */
function socketModeConfig(
  env: Env,
  appToken: string,
  anyOauth: boolean,
  problems: string[],
): SlackConfig | undefined {
  if (anyOauth) {
    problems.push(
      'SLACK_APP_TOKEN: Socket Mode works for one workspace (SLACK_BOT_TOKEN), not with the SLACK_CLIENT_* variables for OAuth, because installing through OAuth needs a public HTTPS endpoint; unset one or the other',
    );
    return undefined;
  }
  if (!env.SLACK_BOT_TOKEN) {
    problems.push('SLACK_BOT_TOKEN: required with SLACK_APP_TOKEN (Socket Mode)');
    return undefined;
  }
  return {
    mode: 'socket-mode',
    appToken,
    botToken: env.SLACK_BOT_TOKEN,
    apiUrl: withTrailingSlash(env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL),
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** One line per channel saying whether it is on, for the start-up log. */
export function describeChannels(config: Config): { teams: string; slack: string } {
  return {
    teams:
      config.teams.mode === 'off'
        ? 'Teams: off (set MICROSOFT_APP_ID, or TEAMS_MODE=emulator on a developer machine)'
        : config.teams.mode === 'emulator'
          ? `Teams: local emulator mode (TEAMS_MODE=emulator; requests are not authenticated, listening on ${config.host} only)`
          : `Teams: on (${config.teams.appType} app ${config.teams.appId})`,
    slack:
      config.slack.mode === 'off'
        ? 'Slack: off (no SLACK_SIGNING_SECRET)'
        : config.slack.mode === 'single-workspace'
          ? 'Slack: on (one workspace, bot token)'
          : config.slack.mode === 'socket-mode'
            ? 'Slack: on (one workspace, Socket Mode: no public endpoint, /api/slack/* not served)'
            : 'Slack: on (OAuth, many workspaces)',
  };
}
