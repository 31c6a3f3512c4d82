import { asBlocks } from './block-kit';
import type { App } from '@slack/bolt';
import type { Connection } from 'mongoose';
import type {
  Messenger,
  OutgoingMessage,
  Recipient,
  SendOutcome,
} from '../../app/messaging/messenger';
import { renderSlackBlocks } from '../../cards/render-slack';
import { personModel } from '../../store/people/person-model';

/** The Web API client that acts in an organisation's workspace: one token, or its installation's. */
export type SlackClientFor = (organisationId: string) => Promise<App['client'] | undefined>;

/** Proactive messages on Slack: a DM opened with the person, or a post in a channel. */
export class SlackMessenger implements Messenger {
  constructor(
    private readonly clientFor: SlackClientFor,
    private readonly db: Connection,
  ) {}

  async send(to: Recipient, message: OutgoingMessage): Promise<SendOutcome> {
    try {
      const client = await this.clientFor(to.organisationId);
      if (!client)
        return { sent: false, retryable: false, reason: 'the app is not installed there' };
      let channel: string;
      if (to.kind === 'conversation') channel = to.conversationId;
      else {
        const person = await personModel(this.db)
          .findOne({ _id: to.personId, organisationId: to.organisationId })
          .lean();
        if (!person) return { sent: false, retryable: false, reason: 'no such person' };
        const opened = await client.conversations.open({ users: person.platformUserId });
        if (!opened.channel?.id)
          return { sent: false, retryable: true, reason: 'Slack did not open a DM' };
        channel = opened.channel.id;
      }
      const rendered = message.card
        ? renderSlackBlocks(message.card.name, message.card.viewModel, message.text)
        : { text: message.text, blocks: undefined };
      const posted = await client.chat.postMessage({
        channel,
        text: rendered.text,
        blocks: asBlocks(rendered.blocks),
      });
      return { sent: true, messageId: posted.ts };
    } catch (error) {
      const data = error as { code?: string; retryAfter?: number; statusCode?: number };
      const rateLimited = data.code === 'slack_webapi_rate_limited_error';
      return {
        sent: false,
        retryable:
          rateLimited ||
          // A 4xx other than 429 will be refused again as it is: not worth retrying.
          (data.code === 'slack_webapi_http_error' &&
            !(data.statusCode && data.statusCode < 500)) ||
          data.code === 'slack_webapi_request_error',
        reason: (error as Error).message,
        ...(rateLimited && data.retryAfter ? { retryAfterMs: data.retryAfter * 1000 } : {}),
      };
    }
  }
}
