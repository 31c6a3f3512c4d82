import { GroupBook } from '../../store/groups/group-book';
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
  /** The id the platform's messages and cards address the person by (Teams: `29:…`), if other. */
  chatUserId?: string;
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
  // Everything else needs only the organisation, so the three reads go out together: one
  // round trip of waiting on every message and click instead of three.
  const book = new ConversationBook(ctx.db);
  const [person, stored, groupId] = await Promise.all([
    personFor(ctx, organisation._id, {
      platformUserId: incoming.userId,
      ...(incoming.chatUserId ? { chatUserId: incoming.chatUserId } : {}),
      displayName: incoming.displayName,
      bootstrapOfficer: settings.bootstrapOfficers.includes(incoming.userId),
    }),
    book.byConversation(incoming.platform, incoming.conversation.id),
    new GroupBook(ctx.db).idForConversation(organisation._id, incoming.conversation.id),
  ]);
  const conversation = {
    organisationId: organisation._id,
    platform: incoming.platform,
    conversationId: incoming.conversation.id,
    scope: incoming.conversation.scope,
    personId: incoming.conversation.scope === 'personal' ? person._id : undefined,
    reference: incoming.conversation.reference,
  };
  // Written only when something changed, so an ordinary message costs no write here.
  const same =
    stored &&
    stored.personId === conversation.personId &&
    JSON.stringify(stored.reference) === JSON.stringify(conversation.reference);
  if (!same) await book.remember(conversation, ctx.now());
  return {
    actor: { organisationId: organisation._id, personId: person._id },
    organisation,
    person,
    groupId,
    conversationId: incoming.conversation.id,
  };
}
