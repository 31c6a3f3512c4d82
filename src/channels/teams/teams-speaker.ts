import { TeamsInfo, TurnContext, type Activity, type Mention } from 'botbuilder';
import type { IncomingSpeaker } from '../../app/conversations/speaker';
import type { ConversationScope } from '../../store/conversations/conversation-model';
import { mentionToken } from '../../commands';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who wrote and where, as the channel-neutral speaker the use-cases know. */
export function teamsSpeakerOf(activity: Activity): IncomingSpeaker {
  const channelData = (activity.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { name?: string };
  };
  const tenantId = channelData.tenant?.id ?? activity.conversation.tenantId ?? 'unknown-tenant';
  const reference = TurnContext.getConversationReference(activity);
  // A reference points at the conversation, not at the message it came from, nor (in a
  // channel or group chat) at whoever wrote last: otherwise every message from someone else
  // rewrote the stored reference, a database write on most messages in a busy channel.
  delete reference.activityId;
  const scope = scopeOf(activity.conversation.conversationType);
  if (scope !== 'personal') delete reference.user;
  const conversationId = conversationIdOf(activity);
  // Stored, the reference names the channel: a proactive post there starts a new thread.
  if (reference.conversation)
    reference.conversation = { ...reference.conversation, id: conversationId };
  return {
    platform: 'teams',
    tenantId,
    userId: activity.from.aadObjectId ?? activity.from.id,
    chatUserId: activity.from.id,
    displayName: activity.from.name ?? 'Someone',
    conversation: {
      id: conversationId,
      scope,
      reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    },
  };
}

/**
 * The conversation a group is tied to. In a channel Teams names the thread, not the channel:
 * every new post arrives as `19:…@thread.tacv2;messageid=<root post>`, and channelData.channel.id
 * names the channel itself. Without this, a group made from one post was lost at the next.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations
 */
export function conversationIdOf(activity: Pick<Activity, 'conversation' | 'channelData'>): string {
  const channelId = (activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel
    ?.id;
  if (typeof channelId === 'string' && channelId) return channelId;
  return activity.conversation.id.split(';messageid=')[0] ?? activity.conversation.id;
}

function scopeOf(conversationType: string | undefined): ConversationScope {
  if (conversationType === 'channel') return 'channel';
  if (conversationType === 'groupChat') return 'groupChat';
  return 'personal';
}

export interface MentionedPerson {
  userId: string;
  chatUserId: string;
  displayName: string;
}

/**
 * The message text with the bot's own mention removed and every other `<at>Name</at>` replaced
 * by the parser's mention token. Teams gives a mentioned user's chat id (29:…); people are
 * known by their AAD object id, so that is looked up in the conversation's roster.
 */
export async function commandTextOf(
  context: TurnContext,
): Promise<{ text: string; mentioned: MentionedPerson[] }> {
  const activity = context.activity;
  TurnContext.removeRecipientMention(activity);
  let text = activity.text ?? '';
  const mentioned: MentionedPerson[] = [];
  const mentions = (activity.entities ?? []).filter(
    (entity): entity is Mention & { type: string } => entity.type === 'mention',
  );
  for (const mention of mentions) {
    if (mention.mentioned.id === activity.recipient.id) continue;
    const userId = await aadIdOf(context, mention.mentioned.id);
    if (!userId) continue;
    const markup = mention.text ?? `<at>${mention.mentioned.name}</at>`;
    text = text.split(markup).join(` ${mentionToken(userId)} `);
    mentioned.push({
      userId,
      chatUserId: mention.mentioned.id,
      displayName: mention.mentioned.name,
    });
  }
  // Whatever mention is left is the bot's own name or someone Teams could not tell us about.
  text = text.replace(/<at>[^<]*<\/at>/g, ' ');
  return { text: text.replace(/\s+/g, ' ').trim(), mentioned };
}

async function aadIdOf(context: TurnContext, chatUserId: string): Promise<string | undefined> {
  if (GUID.test(chatUserId)) return chatUserId;
  try {
    const member = await TeamsInfo.getMember(context, chatUserId);
    return member.aadObjectId ?? undefined;
  } catch {
    return undefined;
  }
}
