import type { Connection } from 'mongoose';
import { groupModel } from '../../store/groups/group-model';
import { ConversationBook } from '../../store/conversations/conversation-book';
import type { ConversationScope } from '../../store/conversations/conversation-model';
import type { OrganisationRecord } from '../../store/organisations/organisation-model';
import type { PersonRecord } from '../../store/people/person-model';
import { organisationFor, personFor } from '../organisations/register-organisation';
import type { Actor } from '../shared/actor';
import type { AppContext } from '../shared/context';

/** Who wrote, from where: what every channel can tell about an incoming message or click. */
export interface IncomingSpeaker {
  platform: 'teams' | 'slack';
  /** The Teams tenant id or Slack team id. */
  tenantId: string;
  tenantName?: string;
  /** The Teams AAD object id or Slack user id. */
  userId: string;
  displayName: string;
  conversation: {
    id: string;
    scope: ConversationScope;
    /** What the channel needs to write there later (Teams: a ConversationReference). */
    reference: Record<string, unknown>;
  };
}

export interface SpeakerSettings {
  timeZone: string;
  bootstrapOfficers: readonly string[];
}

export interface Speaker {
  actor: Actor;
  organisation: OrganisationRecord;
  person: PersonRecord;
  /** The group bound to this chat or channel, if any. */
  groupId?: string;
  conversationId: string;
}

/**
 * Resolves the organisation and person behind a message (creating them on first contact) and
 * keeps the conversation on file so the bot can write there later.
 */
export async function speakerOf(
  ctx: AppContext,
  incoming: IncomingSpeaker,
  settings: SpeakerSettings,
): Promise<Speaker> {
  const organisation = await organisationFor(ctx, {
    platform: incoming.platform,
    platformTenantId: incoming.tenantId,
    name: incoming.tenantName ?? incoming.tenantId,
    timeZone: settings.timeZone,
  });
  const person = await personFor(ctx, organisation._id, {
    platformUserId: incoming.userId,
    displayName: incoming.displayName,
    bootstrapOfficer: settings.bootstrapOfficers.includes(incoming.userId),
  });
  await rememberConversation(ctx.db, ctx.now(), {
    organisationId: organisation._id,
    platform: incoming.platform,
    conversationId: incoming.conversation.id,
    scope: incoming.conversation.scope,
    personId: incoming.conversation.scope === 'personal' ? person._id : undefined,
    reference: incoming.conversation.reference,
  });
  const group = await groupModel(ctx.db)
    .findOne({ organisationId: organisation._id, conversationId: incoming.conversation.id })
    .select({ _id: 1 })
    .lean();
  return {
    actor: { organisationId: organisation._id, personId: person._id },
    organisation,
    person,
    groupId: group?._id,
    conversationId: incoming.conversation.id,
  };
}

/** Writes only when something changed, so an ordinary message costs one read here. */
async function rememberConversation(
  db: Connection,
  at: Date,
  conversation: Parameters<ConversationBook['remember']>[0],
): Promise<void> {
  const book = new ConversationBook(db);
  const stored = await book.byConversation(conversation.platform, conversation.conversationId);
  const same =
    stored &&
    stored.personId === conversation.personId &&
    JSON.stringify(stored.reference) === JSON.stringify(conversation.reference);
  if (!same) await book.remember(conversation, at);
}
