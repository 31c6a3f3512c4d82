import {
  type Activity,
  ActivityTypes,
  CloudAdapter,
  type InvokeResponse,
  type ResourceResponse,
  type TurnContext,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import pLimit from 'p-limit';
import errors from 'restify-errors';
import type { Request, Response, Server } from 'restify';
import type { TeamsConfig } from '../../config';
import { parseJsonBody, readRawBody } from '../../http/request-body';
import type { Logger } from '../../log/logger';
import {
  describeActivityProblem,
  type IncomingActivity,
  incomingActivitySchema,
} from './activity-schema';
import { postActivity, posterOf } from './activity-post';
import { KeptClientsAuthentication } from './kept-clients';
import { sendsOnce } from './single-try';
import { ScrutinyTeamsBot } from './teams-bot';

export const TEAMS_PATH = '/api/messages';

/** CloudAdapter with its activity processing reachable, so we choose the HTTP answers. */
export class TeamsAdapter extends CloudAdapter {
  /** Authenticates the request's token, runs the turn, and gives back an invoke's answer. */
  runActivity(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }

  /**
   * Messages and other posted activities go out through the turn's connector client pipeline
   * with a body JSON.stringify writes (see postActivity), once only in a turn the outbox marked
   * (single-try.ts); invoke answers, traces and delays, which post nothing, are left to
   * CloudAdapter.
   */
  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const poster = posterOf(context.turnState.get(this.ConnectorClientKey), sendsOnce(context));
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const conversation = activity.conversation;
      if (!poster || !conversation?.id || !postsSomething(activity)) {
        responses.push(...(await super.sendActivities(context, [activity])));
        continue;
      }
      delete activity.id;
      responses.push(await postActivity(poster, { ...activity, conversation }));
    }
    return responses;
  }
}

/** What CloudAdapter sends to the Bot Connector, rather than keeping or waiting on. */
function postsSomething(activity: Partial<Activity>): boolean {
  return (
    activity.type !== 'delay' &&
    activity.type !== ActivityTypes.InvokeResponse &&
    activity.type !== ActivityTypes.Trace
  );
}

export function createTeamsAdapter(
  config: Exclude<TeamsConfig, { mode: 'off' }>,
  log: Logger,
): TeamsAdapter {
  const credentials: ConfigurationBotFrameworkAuthenticationOptions =
    config.mode === 'emulator'
      ? {}
      : {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword ?? '',
          MicrosoftAppTenantId: config.appTenantId ?? '',
          MicrosoftAppType: config.appType,
        };
  const adapter = new TeamsAdapter(new KeptClientsAuthentication(credentials));
  // The bot answers its own failures (privately, or as an invoke's status); what reaches here
  // comes from a turn the bot started itself, and nothing is posted into a shared chat for it.
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, 'teams turn failed');
  };
  return adapter;
}

/**
 * How many Teams turns run at once. Each holds the Bot Connector's request open until it is
 * done, so a burst beyond what the database can serve used to start every turn together: each
 * became slower than the caller would wait, callers retried, and the bot worked on requests
 * nobody was waiting for any more. Queued turns instead start in order as others finish.
 */
export const TEAMS_CONCURRENT_TURNS = 16;

/** What a repeat of an activity still being handled is told to wait, in seconds. */
const IN_HAND_RETRY_AFTER_S = 5;

/** POST /api/messages: validate the activity, then let botbuilder authenticate and run the bot. */
export function mountTeams(
  server: Server,
  adapter: TeamsAdapter,
  bot: ScrutinyTeamsBot,
  turns = pLimit(TEAMS_CONCURRENT_TURNS),
): void {
  server.post(TEAMS_PATH, readRawBody(), async (req: Request, res: Response) => {
    const body = parseJsonBody(req);
    const activity = incomingActivitySchema.safeParse(body);
    if (!activity.success)
      throw new errors.BadRequestError(describeActivityProblem(activity.error));
    // adapter.process() would answer a bad signature with 500 (only its own error class gets a
    // 401) and print to the console; we run the activity ourselves and refuse it with 401.
    let invokeResponse: InvokeResponse | undefined;
    let abandoned = false;
    let inHandElsewhere = false;
    try {
      invokeResponse = await turns(async () => {
        // The Bot Connector stops waiting after 15 seconds and the person sees that it
        // failed: a request whose caller hung up while it queued is not run, so under a burst
        // the bot works for the people still waiting, not for those who have given up.
        if (req.socket.destroyed) {
          abandoned = true;
          return undefined;
        }
        return adapter.runActivity(
          String(req.headers.authorization ?? ''),
          withDates(activity.data) as unknown as Activity,
          async (context) => {
            inHandElsewhere = (await bot.runOnce(context)) === 'in-hand-elsewhere';
          },
        );
      });
    } catch (error) {
      if (isAuthenticationFailure(error))
        throw new errors.UnauthorizedError('not signed by the Bot Framework for this bot');
      throw error;
    }
    if (abandoned) {
      req.reqLog?.warn(
        { activityType: activity.data.type },
        'teams request not run: its caller left while it waited for its turn',
      );
      res.send(503, { error: 'the caller left before this request could run' });
      return;
    }
    if (inHandElsewhere) {
      // Not an error: the platform's next attempt finds it answered, or takes it over.
      res.header('Retry-After', String(IN_HAND_RETRY_AFTER_S));
      res.send(503, { error: 'this activity is being handled; send it again later' });
      return;
    }
    res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
  });
}

/** As botbuilder's own request handling does: the activity's times as Dates, raw text kept. */
function withDates(activity: IncomingActivity): Record<string, unknown> {
  const fixed: Record<string, unknown> = { ...activity };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed;
}

/** botbuilder's AuthenticationError (401) or the JWT library's errors for a token it rejects. */
function isAuthenticationFailure(error: unknown): boolean {
  const { name, statusCode } = error as { name?: unknown; statusCode?: unknown };
  return (
    statusCode === 401 ||
    name === 'JsonWebTokenError' ||
    name === 'TokenExpiredError' ||
    name === 'NotBeforeError'
  );
}
