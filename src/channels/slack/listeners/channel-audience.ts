import type { App } from '@slack/bolt';
import type { Speaker } from '../../../app/conversations/speaker';
import { groupAudience } from '../../../app/groups/group-queries';
import type { Reply } from '../../../app/dispatch/reply';
import type { AppContext } from '../../../app/shared/context';
import type { Logger } from '../../../log/logger';
import { slackErrorOf } from './replies';

/** Slack recommends pages of no more than 200 (https://docs.slack.dev/reference/methods/conversations.members). */
const MEMBERS_PAGE = 200;

/** Slackbot is in every workspace and is no person. */
const SLACKBOT = 'USLACKBOT';

/**
 * Whether an answer to a command goes to the person who asked alone (ephemeral) rather than
 * to the channel. What the answer is about decides it (the Reply says so); for an answer meant
 * for a group's people only (the register of interests), so does who is in this channel.
 */
export async function answerIsPrivate(
  reply: Reply,
  where: {
    ctx: AppContext;
    client: App['client'];
    speaker: Speaker;
    channelId: string;
    botUserId: string | undefined;
    log: Logger;
  },
): Promise<boolean> {
  if (reply.kind !== 'message' || reply.onlyToSender) return true;
  if (!reply.onlyToGroupMembers) return false;
  const audience = await groupAudience(
    where.ctx,
    where.speaker.organisation._id,
    reply.onlyToGroupMembers,
  );
  return !(await channelHoldsOnly(where.client, where.channelId, audience, where));
}

/**
 * True when everyone in the Slack conversation is in `audience`, bots aside (ours, and anyone
 * users.info marks as a bot). Asked of Slack every time, every page of members, and nothing
 * kept between requests: people join and leave channels. When Slack will not say (a private
 * channel the bot is not in, a direct message, a missing scope, an error), the answer is no,
 * so a private answer stays private.
 */
export async function channelHoldsOnly(
  client: App['client'],
  channelId: string,
  audience: ReadonlySet<string>,
  options: { botUserId: string | undefined; log: Logger },
): Promise<boolean> {
  // A direct message: the bot cannot list it, and whoever else is in it may be anyone.
  if (channelId.startsWith('D')) return false;
  try {
    let cursor: string | undefined;
    do {
      const page = await client.conversations.members({
        channel: channelId,
        limit: MEMBERS_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      if (!page.members) return false;
      for (const userId of page.members) {
        if (audience.has(userId) || userId === options.botUserId || userId === SLACKBOT) continue;
        // Stops at the first person outside the group: the rest of the channel cannot matter.
        if (!(await isBot(client, userId))) return false;
      }
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return true;
  } catch (error) {
    options.log.warn(
      { slack: slackErrorOf(error), channelId },
      'Slack: could not list who is in the channel; the answer goes to the asker alone',
    );
    return false;
  }
}

/** A bot user, e.g. another app's (users.info `is_bot`, https://docs.slack.dev/reference/methods/users.info). */
async function isBot(client: App['client'], userId: string): Promise<boolean> {
  const info = await client.users.info({ user: userId });
  return info.user?.is_bot === true;
}
