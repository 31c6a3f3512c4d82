import {
  type Attachment,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { ConversationParameters } from 'botbuilder';
import type { Connection } from 'mongoose';
import type {
  Messenger,
  OutgoingMessage,
  Recipient,
  SendOutcome,
} from '../../app/messaging/messenger';
import { ConversationBook } from '../../store/conversations/conversation-book';
import { personModel } from '../../store/people/person-model';
import { sendOnceIn } from './single-try';

export type TeamsCardRenderer = (name: string, viewModel: unknown) => Attachment;

/**
 * Proactive messages on Teams: to a stored conversation by its reference, or to a person in
 * their personal chat with the bot, creating that chat from their AAD object id when the bot
 * has never spoken to them (the app must be installed for them, e.g. org-wide).
 */
export class TeamsMessenger implements Messenger {
  private readonly conversations: ConversationBook;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly db: Connection,
    private readonly botAppId: string,
    private readonly renderCard: TeamsCardRenderer,
  ) {
    this.conversations = new ConversationBook(db);
  }

  async send(to: Recipient, message: OutgoingMessage): Promise<SendOutcome> {
    const activity = {
      type: 'message',
      text: message.card ? undefined : message.text,
      // Plain, so text people typed is shown as typed, never as Markdown links.
      textFormat: message.card ? undefined : 'plain',
      summary: message.text,
      attachments: message.card
        ? [this.renderCard(message.card.name, message.card.viewModel)]
        : undefined,
    };
    try {
      if (to.kind === 'conversation') {
        const stored = await this.conversations.byConversation('teams', to.conversationId);
        if (!stored)
          return { sent: false, retryable: false, reason: 'the bot is not in that conversation' };
        return await this.continueIn(stored.reference, activity);
      }
      const personal = await this.conversations.personalChatOf(to.organisationId, to.personId);
      if (personal) return await this.continueIn(personal.reference, activity);
      return await this.startPersonalChat(to.organisationId, to.personId, activity);
    } catch (error) {
      return outcomeOfFailure(error);
    }
  }

  private async continueIn(
    reference: Record<string, unknown>,
    activity: Record<string, unknown>,
  ): Promise<SendOutcome> {
    const send = sendOnce(activity);
    await this.adapter.continueConversationAsync(
      this.botAppId,
      reference as Partial<ConversationReference>,
      send.logic,
    );
    return send.outcome();
  }

  private async startPersonalChat(
    organisationId: string,
    personId: string,
    activity: Record<string, unknown>,
  ): Promise<SendOutcome> {
    const person = await personModel(this.db).findOne({ _id: personId, organisationId }).lean();
    // Any conversation in the organisation tells us its tenant's service URL.
    const anchor = await this.conversations.anyIn(organisationId, 'teams');
    if (!person || !anchor)
      return {
        sent: false,
        retryable: false,
        reason: 'nobody in this organisation has talked to the bot on Teams yet',
      };
    const reference = anchor.reference as Partial<ConversationReference>;
    const tenantId = reference.conversation?.tenantId;
    const send = sendOnce(activity);
    await this.adapter.createConversationAsync(
      this.botAppId,
      'msteams',
      reference.serviceUrl ?? '',
      'https://api.botframework.com',
      {
        isGroup: false,
        bot: reference.bot ?? { id: this.botAppId, name: 'Scrutiny' },
        // Teams' own user id (29:…) where we have met it; else the AAD object id, which Teams
        // also takes for a one-to-one chat with a user of the tenant.
        members: [{ id: person.chatUserId ?? person.platformUserId, name: person.displayName }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as ConversationParameters,
      send.logic,
    );
    return send.outcome();
  }
}

/**
 * The turn logic for one proactive message. A failure inside a turn would go to the adapter's
 * onTurnError, which apologises into the same chat and swallows the error; the outbox must see it
 * instead, so it is caught here and thrown again after the turn.
 */
function sendOnce(activity: Record<string, unknown>) {
  let messageId: string | undefined;
  let failure: { error: unknown } | undefined;
  return {
    logic: async (context: TurnContext) => {
      try {
        sendOnceIn(context);
        messageId = (await context.sendActivity(activity))?.id;
      } catch (error) {
        failure = { error };
      }
    },
    outcome: (): SendOutcome => {
      if (failure) throw failure.error;
      return { sent: true, messageId };
    },
  };
}

function outcomeOfFailure(error: unknown): SendOutcome {
  const status = (error as { statusCode?: unknown }).statusCode;
  const headers = (error as { response?: { headers?: { get?: (name: string) => unknown } } })
    .response?.headers;
  const retryAfter = Number(headers?.get?.('retry-after'));
  const code = typeof status === 'number' ? status : undefined;
  return {
    sent: false,
    // Throttling and server faults pass; a 4xx means the message itself cannot go.
    retryable: code === undefined || code === 429 || code >= 500,
    reason: code ? `Teams answered ${code}` : String((error as Error).message ?? error),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}
