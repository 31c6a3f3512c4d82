import type {
  Activity,
  ChannelAccount,
  CloudAdapter,
  ConversationParameters,
  TurnContext,
} from 'botbuilder';
import { RecentMap } from '../../store/cache/recent-map';

/** Enough to reach one person's own chat with the bot, taken from an activity they sent. */
export interface PrivateAddress {
  serviceUrl: string;
  tenantId: string | undefined;
  /** Their Teams user id (29:…), as the activity's `from.id` gives it. */
  userChatId: string;
  userName: string | undefined;
  bot: ChannelAccount;
}

export function privateAddressOf(activity: Activity): PrivateAddress {
  const tenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    serviceUrl: activity.serviceUrl,
    tenantId: tenant ?? activity.conversation.tenantId,
    userChatId: activity.from.id,
    userName: activity.from.name,
    bot: activity.recipient,
  };
}

/** How many people's one-to-one chats each adapter remembers. */
export const KNOWN_CHATS = 10_000;

/** Each person's one-to-one chat with the bot, as Teams last gave it, per adapter. */
const knownChats = new WeakMap<CloudAdapter, RecentMap<string>>();

function chatsOf(adapter: CloudAdapter): RecentMap<string> {
  let chats = knownChats.get(adapter);
  if (!chats) {
    chats = new RecentMap<string>(KNOWN_CHATS);
    knownChats.set(adapter, chats);
  }
  return chats;
}

/**
 * Teams has no "only you can see this" message in a channel or group chat, so an answer meant
 * for one person goes to their personal chat with the bot. Creating a one-to-one conversation
 * gives back the existing one when there is one, and needs nothing from our database (so it
 * works when the database does not). False when Teams refuses: the app is not installed for
 * them personally.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#create-the-conversation
 *
 * Teams gives the same conversation each time for the same person and bot, so the id it gave
 * is remembered and the next answer goes straight there: one call to the Bot Connector instead
 * of two. If that send fails (the app removed, the chat gone), the chat is asked for again.
 */
export async function sendPrivately(
  adapter: CloudAdapter,
  botAppId: string,
  to: PrivateAddress,
  activity: Partial<Activity>,
): Promise<boolean> {
  const chats = chatsOf(adapter);
  const key = JSON.stringify([botAppId, to.serviceUrl, to.tenantId ?? '', to.userChatId]);
  const known = chats.peek(key);
  if (known !== undefined) {
    const reference = {
      channelId: 'msteams',
      serviceUrl: to.serviceUrl,
      bot: to.bot,
      user: { id: to.userChatId, name: to.userName ?? '' },
      conversation: {
        id: known,
        isGroup: false,
        conversationType: 'personal',
        tenantId: to.tenantId,
        name: '',
      },
    };
    const sent = await sendInTurn(
      (logic) => adapter.continueConversationAsync(botAppId, reference, logic),
      activity,
    );
    if (sent !== undefined) return true;
    chats.drop(key, known);
  }
  const opened = await sendInTurn(
    (logic) =>
      adapter.createConversationAsync(
        botAppId,
        'msteams',
        to.serviceUrl,
        'https://api.botframework.com',
        {
          isGroup: false,
          bot: to.bot,
          members: [{ id: to.userChatId, name: to.userName ?? '' }],
          tenantId: to.tenantId,
          channelData: { tenant: { id: to.tenantId } },
        } as ConversationParameters, // Teams needs no first activity to open a one-to-one chat.
        logic,
      ),
    activity,
  );
  if (opened === undefined) return false;
  chats.set(key, opened);
  return true;
}

/**
 * Sends `activity` in the turn `open` starts: the conversation it went to, or undefined if it
 * did not go. A failure is caught here: in the adapter's error handler it would be apologised for
 * in that same chat, and the caller could not fall back.
 */
async function sendInTurn(
  open: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  activity: Partial<Activity>,
): Promise<string | undefined> {
  let sentIn: string | undefined;
  try {
    await open(async (context) => {
      try {
        await context.sendActivity(activity);
        sentIn = context.activity.conversation.id;
      } catch {
        sentIn = undefined;
      }
    });
  } catch {
    return undefined;
  }
  return sentIn;
}
