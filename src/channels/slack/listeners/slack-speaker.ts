import {
  speakerOf,
  type IncomingSpeaker,
  type Speaker,
  type SpeakerSettings,
} from '../../../app/conversations/speaker';
import type { AppContext } from '../../../app/shared/context';

export interface SlackSpeakerInput {
  teamId: string;
  userId: string;
  userName: string;
  channelId: string;
  channelName?: string;
}

/** Who is speaking and where, in the channel-neutral shape the use-cases take. */
export function slackSpeaker(input: SlackSpeakerInput): IncomingSpeaker {
  return {
    platform: 'slack',
    tenantId: input.teamId,
    userId: input.userId,
    displayName: input.userName,
    conversation: {
      id: input.channelId,
      scope:
        input.channelName === 'directmessage' || input.channelId.startsWith('D')
          ? 'personal'
          : 'channel',
      reference: { channel: input.channelId },
    },
  };
}

/** The part of an interaction payload (button click, modal submission) that says who clicked. */
export interface InteractionBody {
  team?: { id: string } | null;
  user: { id: string; name?: string; username?: string; team_id?: string };
  channel?: { id: string } | null;
}

/** The clicker or submitter; a modal has no channel, so it counts as their own DM. */
export function interactionSpeaker(
  ctx: AppContext,
  settings: SpeakerSettings,
  body: InteractionBody,
): Promise<Speaker> {
  const channelId = body.channel?.id;
  return speakerOf(
    ctx,
    slackSpeaker({
      teamId: body.team?.id ?? body.user.team_id ?? 'unknown',
      userId: body.user.id,
      userName: body.user.name ?? body.user.username ?? body.user.id,
      channelId: channelId ?? body.user.id,
      ...(channelId ? {} : { channelName: 'directmessage' }),
    }),
    settings,
  );
}
