import type { App } from '@slack/bolt';
import { speakerOf } from '../../../app/conversations/speaker';
import { runCommand } from '../../../app/dispatch/run-command';
import { normaliseSlackMentions } from '../../../commands';
import type { SlackListenerDeps } from './deps';
import { deliverElsewhere, isModalForm, messageOf, openModal, workAfterAck } from './replies';
import { slackSpeaker } from './slack-speaker';

/** Slash-command text carries mentions as <@U123|name>; the name is the person's at that time. */
const MENTION_WITH_NAME = /<@([UW][A-Z0-9]+)\|([^>]+)>/g;

/**
 * `/scrutiny <command>`: acked at once with a placeholder (Slack allows 3 seconds), then run
 * through the shared parser and use-cases, and the placeholder replaced with the answer.
 */
export function registerCommandListener(app: App, deps: SlackListenerDeps): void {
  app.command('/scrutiny', async ({ command, ack, respond: slackRespond, client }) => {
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    await workAfterAck(
      deps.afterAck,
      slackRespond,
      async (respond) => {
        const speaker = await speakerOf(
          deps.ctx,
          slackSpeaker({
            teamId: command.team_id,
            userId: command.user_id,
            userName: command.user_name,
            channelId: command.channel_id,
            channelName: command.channel_name,
          }),
          deps.settings,
        );
        const mentioned = [...command.text.matchAll(MENTION_WITH_NAME)].map((m) => ({
          userId: m[1] ?? '',
          displayName: m[2] ?? '',
        }));
        const reply = await runCommand(deps.ctx, {
          speaker,
          text: normaliseSlackMentions(command.text),
          mentioned,
          attachments: [],
        });
        if (isModalForm(reply)) {
          await openModal(client, command.trigger_id, reply);
          await respond({
            replace_original: true,
            response_type: 'ephemeral',
            text: 'The form is open.',
          });
          return;
        }
        await respond({
          replace_original: true,
          response_type:
            reply.kind === 'message' && !reply.onlyToSender ? 'in_channel' : 'ephemeral',
          ...messageOf(reply),
        } as never);
        await deliverElsewhere(deps.messenger, deps.log, reply);
      },
      { replacePlaceholder: true },
    );
  });
}
