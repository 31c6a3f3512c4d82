import type { Refusal } from '../../domain/shared/result';
import type { Speaker } from '../conversations/speaker';
import { personFor } from '../organisations/register-organisation';
import type { AppContext } from '../shared/context';

/** A typed command as a channel hands it over: who, where, what they wrote and any files. */
export interface CommandRequest {
  speaker: Speaker;
  /** The command text with mentions already turned into the parser's tokens. */
  text: string;
  mentioned: ReadonlyArray<{ userId: string; chatUserId?: string; displayName: string }>;
  /** Files sent with the message, already fetched (a CSV or JSON table of standards). */
  attachments: ReadonlyArray<{ name: string; text: string }>;
}

/** Commands about a group need the group's own chat. */
export const NO_GROUP: Refusal = {
  code: 'no-group-here',
  message:
    'This chat is not tied to a group yet: run the command in the group’s chat or channel, or create a group here with `group create`.',
};

/** The person a mention names, filed under the name the mention showed if we had not met. */
export async function mentionedPerson(ctx: AppContext, request: CommandRequest, userId: string) {
  const mention = request.mentioned.find((m) => m.userId === userId);
  return personFor(ctx, request.speaker.organisation._id, {
    platformUserId: userId,
    ...(mention?.chatUserId ? { chatUserId: mention.chatUserId } : {}),
    displayName: mention?.displayName ?? userId,
  });
}
