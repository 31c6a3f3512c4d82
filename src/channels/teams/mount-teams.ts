import type { Server } from 'restify';
import type { SpeakerSettings } from '../../app/conversations/speaker';
import type { Messenger } from '../../app/messaging/messenger';
import type { AppContext } from '../../app/shared/context';
import { renderTeamsCard } from '../../cards/render-teams';
import type { TeamsConfig } from '../../config';
import type { Logger } from '../../log/logger';
import { createTeamsAdapter, mountTeams } from './teams-adapter';
import { ScrutinyTeamsBot } from './teams-bot';
import { TeamsMessenger } from './teams-messenger';

/**
 * Puts Teams on the shared server: the adapter on /api/messages and the bot behind it. Loaded
 * only when Teams is on, so a Slack-only landlord's bot never loads botbuilder nor answers on
 * the Teams path.
 */
export function startTeams(
  server: Server,
  config: Exclude<TeamsConfig, { mode: 'off' }>,
  deps: { ctx: AppContext; settings: SpeakerSettings; log: Logger },
): { messenger: Messenger; settled: () => Promise<void> } {
  const adapter = createTeamsAdapter(config, deps.log);
  const botAppId = config.mode === 'authenticated' ? config.appId : '';
  const messenger = new TeamsMessenger(adapter, deps.ctx.db, botAppId, renderTeamsCard);
  const bot = new ScrutinyTeamsBot({ ...deps, botAppId, messenger: () => messenger });
  mountTeams(server, adapter, bot);
  return { messenger, settled: () => bot.settled() };
}
