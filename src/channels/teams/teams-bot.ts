import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type TurnContext,
} from 'botbuilder';
import { isDatabaseUnavailable, TRY_AGAIN_TEXT } from '../../app/shared/unavailable';
import { speakerOf, type SpeakerSettings } from '../../app/conversations/speaker';
import { runCardAction } from '../../app/dispatch/card-actions';
import { noticeReply, type Reply } from '../../app/dispatch/reply';
import { runCommand } from '../../app/dispatch/run-command';
import type { Messenger } from '../../app/messaging/messenger';
import type { AppContext } from '../../app/shared/context';
import { renderTeamsCard } from '../../cards/render-teams';
import { ConversationBook } from '../../store/conversations/conversation-book';
import type { Logger } from '../../log/logger';
import { commandTextOf, teamsSpeakerOf } from './teams-speaker';
import { fetchAttachedTables } from './teams-attachments';

export interface TeamsBotDeps {
  ctx: AppContext;
  settings: SpeakerSettings;
  /** Where replies that go elsewhere (offers, requests) are sent; set once the adapter exists. */
  messenger: () => Messenger | undefined;
  log: Logger;
}

const WELCOME = noticeReply('Hello, I am the scrutiny bot.', 'info', [
  'I help your tenant panel run inspections, reviews, declarations and votes here in Teams.',
  'Officers: start with `group create "<name>" preset:<torus-tims|southampton-ti|trafford-qip|sedgemoor-scrutiny>`.',
  'Everyone: type `help` to see what you can do, and `mine` for what is waiting on you.',
  'I keep only what the scrutiny rules need: your name in Teams, your roles, dates of training and agreements, and what you declare.',
]);

/**
 * Translates Teams activities into the channel-neutral commands and card actions and renders
 * what comes back. Nothing here decides anything about scrutiny.
 */
export class ScrutinyTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      const speaker = await speakerOf(deps.ctx, teamsSpeakerOf(context.activity), deps.settings);
      const { text, mentioned } = await commandTextOf(context);
      const attachments = await fetchAttachedTables(context.activity.attachments ?? []);
      const reply = await runCommand(deps.ctx, { speaker, text, mentioned, attachments });
      await context.sendActivity(activityOf(reply));
      await this.deliver(reply);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await speakerOf(deps.ctx, teamsSpeakerOf(context.activity), deps.settings);
      await context.sendActivity(activityOf(WELCOME));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await new ConversationBook(deps.ctx.db).retire(
        'teams',
        context.activity.conversation.id,
        deps.ctx.now(),
      );
      await next();
    });
  }

  /** Action.Execute from any card: the card is replaced by what the action returns. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    let reply: Reply;
    try {
      const speaker = await speakerOf(
        this.deps.ctx,
        teamsSpeakerOf(context.activity),
        this.deps.settings,
      );
      const data = (invokeValue.action.data ?? {}) as Record<string, unknown>;
      reply = await runCardAction(this.deps.ctx, speaker, {
        ...data,
        verb: invokeValue.action.verb,
      });
    } catch (error) {
      // The card stays usable: the click is answered, and can simply be tried again.
      if (!isDatabaseUnavailable(error)) throw error;
      reply = noticeReply(TRY_AGAIN_TEXT, 'info');
    }
    await this.deliver(reply);
    const card = reply.kind === 'form' ? reply.form : reply.card;
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: renderTeamsCard(
        card?.name ?? 'notice',
        card?.viewModel ?? { title: reply.text, tone: 'info', reasons: [] },
      ).content as never,
    };
  }

  private async deliver(reply: Reply): Promise<void> {
    const messenger = this.deps.messenger();
    for (const delivery of reply.deliveries ?? []) {
      const outcome = messenger
        ? await messenger.send(delivery.to, delivery.message)
        : { sent: false as const, retryable: false, reason: 'no messenger' };
      // Issue 6's outbox retries these; for now a failure is logged, never hidden.
      if (!outcome.sent)
        this.deps.log.warn(
          { reason: outcome.reason },
          'a message to another chat was not delivered',
        );
    }
  }
}

export function activityOf(reply: Reply): {
  type: 'message';
  text?: string;
  attachments?: Attachment[];
} {
  const card = reply.kind === 'form' ? reply.form : reply.card;
  if (!card) return { type: 'message', text: reply.text };
  return { type: 'message', attachments: [renderTeamsCard(card.name, card.viewModel)] };
}
