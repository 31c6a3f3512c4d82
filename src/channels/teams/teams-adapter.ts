import { isDatabaseUnavailable, TRY_AGAIN_TEXT } from '../../app/shared/unavailable';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import errors from 'restify-errors';
import type { Request, Response, Server } from 'restify';
import type { TeamsConfig } from '../../config';
import { parseJsonBody, readRawBody } from '../../http/request-body';
import type { Logger } from '../../log/logger';
import { describeActivityProblem, incomingActivitySchema } from './activity-schema';
import { ScrutinyTeamsBot } from './teams-bot';

export const TEAMS_PATH = '/api/messages';

export function createTeamsAdapter(config: TeamsConfig, log: Logger): CloudAdapter {
  const credentials: ConfigurationBotFrameworkAuthenticationOptions =
    config.mode === 'emulator'
      ? {}
      : {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword ?? '',
          MicrosoftAppTenantId: config.appTenantId ?? '',
          MicrosoftAppType: config.appType,
        };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(credentials));
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, 'teams turn failed');
    await context
      .sendActivity(
        isDatabaseUnavailable(error)
          ? TRY_AGAIN_TEXT
          : 'Sorry, something went wrong on my side. Please try again in a moment.',
      )
      .catch(() => undefined);
  };
  return adapter;
}

/** POST /api/messages: validate the activity, then let botbuilder authenticate and run the bot. */
export function mountTeams(server: Server, adapter: CloudAdapter, bot: ScrutinyTeamsBot): void {
  server.post(TEAMS_PATH, readRawBody(), async (req: Request, res: Response) => {
    const body = parseJsonBody(req);
    const activity = incomingActivitySchema.safeParse(body);
    if (!activity.success)
      throw new errors.BadRequestError(describeActivityProblem(activity.error));
    req.body = activity.data;
    await adapter.process(req, res, (context) => bot.run(context));
  });
}
