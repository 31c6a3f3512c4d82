import type { App } from '@slack/bolt';
import { speakerOf } from '../../../app/conversations/speaker';
import { commandAnswersWithForm } from '../../../app/dispatch/form-requests';
import { runCommand } from '../../../app/dispatch/run-command';
import { normaliseSlackMentions } from '../../../commands';
import { answerIsPrivate } from './channel-audience';
import type { SlackListenerDeps } from './deps';
import { FORM_NOT_OPENED_TEXT, fillModal, openLoadingModal, runForModal } from './modals';
import { deliverElsewhere, isModalForm, messageOf, openModal, workAfterAck } from './replies';
import { slackSpeaker } from './slack-speaker';
import { ALREADY_DONE_TEXT, keptDeliveryOf, pendingClaimOf } from '../delivery-claim';
import { FILES_NOT_SENT_TEXT, sendFilesToDm } from '../file-delivery';

/** Slash-command text carries mentions as <@U123|name>; the name is the person's at that time. */
const MENTION_WITH_NAME = /<@([UW][A-Z0-9]+)\|([^>]+)>/g;

const FORM_OPEN_TEXT = 'The form is open.';

/**
 * `/scrutiny <command>`: acked at once with a placeholder (Slack allows 3 seconds), then run
 * through the shared parser and use-cases, and the placeholder replaced with the answer. A
 * command that answers with a form opens its modal before any of that (see modals.ts).
 */
export function registerCommandListener(app: App, deps: SlackListenerDeps): void {
  app.command('/scrutiny', async ({ command, ack, respond: slackRespond, client, context }) => {
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    const text = normaliseSlackMentions(command.text);
    const modal = commandAnswersWithForm(text)
      ? await openLoadingModal(client, command.trigger_id, deps.log)
      : undefined;
    await workAfterAck(
      deps.afterAck,
      slackRespond,
      async (respond) => {
        if (modal && !modal.opened) {
          // Nothing was read or written: the person simply asks again.
          await respond({
            replace_original: true,
            response_type: 'ephemeral',
            text: FORM_NOT_OPENED_TEXT,
          });
          return;
        }
        const { speaker, reply } = await runForModal(client, modal, deps.log, async () => {
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
          const reply = await runCommand(deps.ctx, { speaker, text, mentioned, attachments: [] });
          return { speaker, reply };
        });
        if (modal?.opened) {
          const filled = await fillModal(client, modal.viewId, reply, deps.log);
          if (isModalForm(reply)) {
            await respond({
              replace_original: true,
              response_type: 'ephemeral',
              text: filled ? FORM_OPEN_TEXT : FORM_NOT_OPENED_TEXT,
            });
            return;
          }
          // Anything else (a refusal) is in the modal and is the command's answer as well.
        } else if (isModalForm(reply)) {
          const opened = await openModal(client, command.trigger_id, reply, deps.log);
          await respond({
            replace_original: true,
            response_type: 'ephemeral',
            text: opened ? FORM_OPEN_TEXT : FORM_NOT_OPENED_TEXT,
          });
          return;
        }
        const privately = await answerIsPrivate(reply, {
          ctx: deps.ctx,
          client,
          speaker,
          channelId: command.channel_id,
          botUserId: context.botUserId,
          log: deps.log,
        });
        await respond({
          replace_original: true,
          response_type: privately ? 'ephemeral' : 'in_channel',
          ...messageOf(reply),
        });
        await deliverElsewhere(deps, reply, {
          triggerId: command.trigger_id,
          actor: speaker.actor,
          tell: (text) => respond({ replace_original: false, response_type: 'ephemeral', text }),
        });
        if (!(await sendFilesToDm(client, command.user_id, reply.files, deps.log)))
          await respond({
            replace_original: false,
            response_type: 'ephemeral',
            text: FILES_NOT_SENT_TEXT,
          });
      },
      {
        replacePlaceholder: true,
        claim: pendingClaimOf(context),
        repeatText: ALREADY_DONE_TEXT,
        kept: keptDeliveryOf(context),
      },
    );
  });
}
