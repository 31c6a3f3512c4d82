import { keptDeliveryOf, pendingClaimOf } from '../delivery-claim';
import { asModal } from '../block-kit';
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { runCardAction } from '../../../app/dispatch/card-actions';
import { actionAnswersWithForm } from '../../../app/dispatch/form-requests';
import type { Reply } from '../../../app/dispatch/reply';
import { asksFirst, renderAskModal } from '../../../cards/render-slack';
import type { SlackListenerDeps } from './deps';
import { publishHome } from './home-listener';
import { FORM_NOT_OPENED_TEXT, fillModal, openLoadingModal, runForModal } from './modals';
import {
  deliverElsewhere,
  isModalForm,
  messageOf,
  openModal,
  parseJsonObject,
  slackErrorOf,
  workAfterAck,
} from './replies';
import { interactionSpeaker } from './slack-speaker';

/** Our buttons' action ids: `<verb>:<what it is about>`, unique within a message. */
const CARD_ACTION_ID = /^[a-z-]+\.[a-z-]+(:.*)?$/;

/**
 * A button click runs the same card action as in Teams. The message the button sits on is
 * replaced by the card's new state (so a used button is gone for everyone looking at it) and
 * the clicker alone is told what happened; a refused click leaves the message as it was.
 */
export function registerActionListener(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    CARD_ACTION_ID,
    async ({ ack, body, action, respond: slackRespond, client, context }) => {
      await ack();
      const verb = action.action_id.split(':')[0] ?? '';
      const data = parseJsonObject(action.value);
      if (asksFirst(verb, data)) {
        // A reason or a date is needed first; the modal's submission runs the action. It needs
        // nothing read, so it opens at once, well inside the trigger's 3 seconds.
        try {
          await client.views.open({
            trigger_id: body.trigger_id,
            view: asModal(renderAskModal(verb, data)),
          });
        } catch (error) {
          deps.log.warn({ slack: slackErrorOf(error) }, 'Slack: a question could not be opened');
          await workAfterAck(deps.afterAck, slackRespond, (respond) =>
            tellClicker(respond, FORM_NOT_OPENED_TEXT),
          );
        }
        return;
      }
      // A button whose answer is a form opens its modal now, before anything is read.
      const modal = actionAnswersWithForm(verb)
        ? await openLoadingModal(client, body.trigger_id, deps.log)
        : undefined;
      await workAfterAck(
        deps.afterAck,
        slackRespond,
        async (respond) => {
          if (modal && !modal.opened) {
            await tellClicker(respond, FORM_NOT_OPENED_TEXT);
            return;
          }
          const { speaker, reply } = await runForModal(client, modal, deps.log, async () => {
            const speaker = await interactionSpeaker(deps.ctx, deps.settings, body);
            const reply = await runCardAction(deps.ctx, speaker, { ...data, verb });
            return { speaker, reply };
          });
          if (modal?.opened) {
            const filled = await fillModal(client, modal.viewId, reply, deps.log);
            if (isModalForm(reply)) {
              if (!filled) await tellClicker(respond, FORM_NOT_OPENED_TEXT);
              return;
            }
            // Anything else (a refusal) is in the modal, and told to the clicker as usual below.
          } else if (isModalForm(reply)) {
            if (!(await openModal(client, body.trigger_id, reply, deps.log)))
              await tellClicker(respond, FORM_NOT_OPENED_TEXT);
            return;
          }
          if (body.view?.type === 'home') {
            // Buttons on the App Home have no message to update: the Home is drawn again.
            await publishHome(deps, client, speaker, body.user.id);
            if (reply.refusals)
              await client.chat.postMessage({
                channel: body.user.id,
                ...messageOf(reply),
              });
          } else await answerClick(respond, reply);
          await deliverElsewhere(deps, reply, {
            triggerId: body.trigger_id,
            actor: speaker.actor,
            tell: (text) =>
              body.view?.type === 'home'
                ? client.chat.postMessage({ channel: body.user.id, text })
                : tellClicker(respond, text),
          });
        },
        { claim: pendingClaimOf(context), kept: keptDeliveryOf(context) },
      );
    },
  );
}

/** A line only the clicker sees, leaving the message they clicked on as it was. */
async function tellClicker(respond: RespondFn, text: string): Promise<void> {
  await respond({ replace_original: false, response_type: 'ephemeral', text });
}

async function answerClick(respond: RespondFn, reply: Reply): Promise<void> {
  if (reply.refusals || reply.sharedCard) {
    // A refusal, or an answer to a card the whole channel shares (a ballot): the clicker only.
    if (reply.sharedCard && !reply.refusals) {
      await respond({
        replace_original: false,
        response_type: 'ephemeral',
        text: `✓ ${reply.text}`,
      });
      return;
    }
    await respond({
      replace_original: false,
      response_type: 'ephemeral',
      ...messageOf(reply),
    });
    return;
  }
  await respond({ replace_original: true, ...messageOf(reply) });
  await respond({ replace_original: false, response_type: 'ephemeral', text: `✓ ${reply.text}` });
}
