import { cardActionFor, cardActionSchema } from '../card-actions';
import type { Speaker } from '../conversations/speaker';
import { inputRefusal } from '../shared/input-problems';
import type { AppContext } from '../shared/context';
import { observed } from '../shared/observer';
import { refusalReply, type Reply } from './reply';

export { cardActionSchema } from '../card-actions';

/**
 * Runs a card action (src/app/card-actions). A bad payload changes nothing and gets a sentence
 * back; the reply is the card's new state (buttons gone once used), so a second click sees what
 * the first did.
 */
export async function runCardAction(
  ctx: AppContext,
  speaker: Speaker,
  raw: unknown,
): Promise<Reply> {
  const parsed = cardActionSchema.safeParse(raw);
  if (!parsed.success) {
    ctx.observer?.cardActionRan('unreadable', 'refused');
    return refusalReply([inputRefusal(parsed.error)]);
  }
  const action = parsed.data;
  const observer = ctx.observer;
  return observed(observer && ((outcome) => observer.cardActionRan(action.verb, outcome)), () =>
    cardActionFor(action.verb).handle(ctx, speaker, action),
  );
}
