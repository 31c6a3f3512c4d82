import { TeamsActivityHandler, TurnContext } from 'botbuilder';
import { helpText } from '../../app/help';

/**
 * Translates Teams activities into calls below and answers back. Mentions are stripped so
 * "@Scrutiny help" in a channel reads the same as "help" in a personal chat.
 */
export class ScrutinyTeamsBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      TurnContext.removeRecipientMention(context.activity);
      await context.sendActivity(helpText('teams'));
      await next();
    });
  }
}
