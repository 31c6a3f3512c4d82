import cron from 'node-cron';
import { IANAZone } from 'luxon';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const port = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65535) {
        ctx.addIssue({ code: 'custom', message: 'expected a whole number from 0 to 65535' });
        return z.NEVER;
      }
      return n;
    });

const mongodbUri = optionalText.refine(
  (v) => v === undefined || /^mongodb(\+srv)?:\/\/\S+$/.test(v),
  {
    message: 'expected a connection string starting mongodb:// or mongodb+srv://',
  },
);

const timeZone = optionalText.refine((v) => v === undefined || IANAZone.isValidZone(v), {
  message: 'expected an IANA time zone such as Europe/London',
});

const httpUrl = optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
  message: 'expected an http:// or https:// URL',
});

const logLevel = optionalText.refine(
  (v) =>
    v === undefined || ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v),
  { message: 'expected one of fatal, error, warn, info, debug, trace, silent' },
);

const appType = optionalText.refine(
  (v) => v === undefined || ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(v),
  { message: 'expected MultiTenant, SingleTenant or UserAssignedMSI' },
);

const teamsMode = optionalText.refine(
  (v) => v === undefined || ['off', 'emulator', 'authenticated'].includes(v),
  { message: 'expected off, emulator or authenticated' },
);

const slackBotToken = optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
  message: 'expected a bot token starting xoxb-',
});

/** Socket Mode's app-level token (Basic Information → App-Level Tokens, scope connections:write). */
const slackAppToken = optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
  message: 'expected an app-level token starting xapp-',
});

const idList = optionalText.transform((v) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const cronExpression = (fallback: string) =>
  optionalText
    .refine((v) => v === undefined || cron.validate(v), {
      message: 'expected a cron expression, e.g. "*/5 * * * *"',
    })
    .transform((v) => v ?? fallback);

const workingHours = optionalText
  .refine((v) => v === undefined || /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(v), {
    message: 'expected local working hours like 09:00-17:30',
  })
  .transform((v) => {
    const [start, end] = (v ?? '09:00-17:30').split('-') as [string, string];
    return { start, end };
  })
  .refine((hours) => hours.start < hours.end, { message: 'the day must end after it starts' });

const wholeNumber = (fallback: number, max: number, min = 0) =>
  optionalText
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), {
      message: `expected a whole number from ${min} to ${max}`,
    })
    .transform((v) => (v === undefined ? fallback : Number(v)));

/** Which backend the embedded FerretDB uses; auto picks PostgreSQL where its server is installed. */
const embeddedBackend = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === undefined || v === '' ? 'auto' : v))
  .pipe(z.enum(['auto', 'postgres', 'sqlite'], { message: 'expected auto, postgres or sqlite' }));

/** The environment variables the bot reads, each parsed on its own so every error is reported. */
export const envSchema = z.object({
  PORT: port(3978),
  HOST: optionalText,
  HTTP_LISTENERS: wholeNumber(16, 64, 1),
  MONGODB_URI: mongodbUri,
  DATA_DIR: optionalText,
  FERRETDB_BIN: optionalText,
  FERRETDB_PORT: port(0),
  FERRETDB_INSTALL_DIR: optionalText,
  EMBEDDED_BACKEND: embeddedBackend,
  PG_BIN: optionalText,
  FERRETDB_POSTGRESQL_URL: optionalText.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    { message: 'expected a postgres:// or postgresql:// URL' },
  ),
  TIME_ZONE: timeZone,
  LOG_LEVEL: logLevel,
  TEAMS_MODE: teamsMode,
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: appType,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: slackBotToken,
  SLACK_APP_TOKEN: slackAppToken,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_API_URL: httpUrl,
  BOOTSTRAP_OFFICERS: idList,
  NUDGE_SWEEP_CRON: cronExpression('*/5 * * * *'),
  DIGEST_CRON: cronExpression('0 8 * * 1-5'),
  NUDGE_WORKING_HOURS: workingHours,
  NUDGE_OVERDUE_COUNT: wholeNumber(3, 20),
  PUBLIC_URL: httpUrl,
  FILE_LINK_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'expected at least 32 characters (any long random string)',
  }),
  METRICS: optionalText
    .refine((v) => v === undefined || v === 'on' || v === 'off', { message: 'expected on or off' })
    .transform((v) => v === 'on'),
  METRICS_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, {
    message: 'expected at least 16 characters',
  }),
  LANDLORD_NAME: optionalText,
  PRIVACY_CONTACT: optionalText,
  RETENTION_YEARS: wholeNumber(6, 100),
  PRIVACY_NOTICE_FILE: optionalText,
  TERMS_FILE: optionalText,
});

export type Env = z.infer<typeof envSchema>;

/** Variables whose values never appear in a message. */
export const secretVariables = new Set([
  'MONGODB_URI',
  'FERRETDB_POSTGRESQL_URL',
  'MICROSOFT_APP_PASSWORD',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'FILE_LINK_SECRET',
  'METRICS_TOKEN',
]);
