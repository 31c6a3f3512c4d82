import { parseCommand, refusalText } from '../../commands';
import { commandHandlerFor } from '../commands';
import { calendarOf } from '../organisations/register-organisation';
import type { AppContext } from '../shared/context';
import { observed } from '../shared/observer';
import type { CommandRequest } from './command-request';
import { refusalReply, type Reply } from './reply';

export type { CommandRequest } from './command-request';
/** `mine`, the App Home and a card refresh share one builder (paged-views). */
export { mineReply as mineFor } from './paged-views';

/**
 * What a person wrote → the typed command → its handler (src/app/commands). The channel
 * adapters call this and render the reply; nothing here knows Teams or Slack.
 */
export async function runCommand(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const calendar = await calendarOf(ctx, request.speaker.organisation._id);
  const parsed = parseCommand(request.text, {
    today: calendar.localDateOf(ctx.now()),
    addWorkingDays: (from, n) => calendar.addWorkingDays(from, n),
  });
  if (!parsed.ok) {
    ctx.observer?.commandRan('unreadable', 'refused');
    return refusalReply(
      [{ code: 'unreadable-command', message: refusalText(parsed) }],
      'I could not read that',
    );
  }
  const { command } = parsed;
  const observer = ctx.observer;
  return observed(observer && ((outcome) => observer.commandRan(command.type, outcome)), () =>
    commandHandlerFor(command.type).handle(ctx, request, command),
  );
}
