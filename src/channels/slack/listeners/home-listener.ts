import { asHome } from '../block-kit';
import type { App } from '@slack/bolt';
import { speakerOf, type Speaker } from '../../../app/conversations/speaker';
import { mineFor } from '../../../app/dispatch/run-command';
import type { SlackListenerDeps } from './deps';
import { messageOf } from './replies';
import { slackSpeaker } from './slack-speaker';

/** The App Home: the same open checks, requests and deadlines as `mine`. */
export async function publishHome(
  deps: SlackListenerDeps,
  client: App['client'],
  speaker: Speaker,
  userId: string,
): Promise<void> {
  const { blocks } = messageOf(await mineFor(deps.ctx, speaker));
  await client.views.publish({
    user_id: userId,
    view: asHome(blocks),
  });
}

export function registerHomeListeners(app: App, deps: SlackListenerDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    // The event carries no name: a stranger is filed under their user id until their first
    // command or click brings the name Slack shows (people we know keep theirs).
    const speaker = await speakerOf(
      deps.ctx,
      slackSpeaker({
        teamId: body.team_id,
        userId: event.user,
        userName: event.user,
        channelId: event.channel ?? event.user,
        channelName: 'directmessage',
      }),
      deps.settings,
    );
    await publishHome(deps, client, speaker, event.user);
  });

  app.event('app_mention', async ({ say, event }) => {
    await say({
      text: 'Use `/scrutiny help` to see what you can do.',
      thread_ts: event.thread_ts ?? event.ts,
    });
  });
}
