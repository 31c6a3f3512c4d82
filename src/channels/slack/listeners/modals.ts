import { asModal } from '../block-kit';
import type { App } from '@slack/bolt';
import { textReply, type Reply } from '../../../app/dispatch/reply';
import { isDatabaseUnavailable, TRY_AGAIN_TEXT } from '../../../app/shared/unavailable';
import { renderLoadingModal, renderMessageModal } from '../../../cards/render-slack';
import type { Logger } from '../../../log/logger';
import { formModalView, isModalForm, messageOf, slackErrorOf } from './replies';

/** The placeholder opened for a form: its view id, or why there is none. */
export type LoadingModal = { opened: true; viewId: string } | { opened: false };

export const FORM_NOT_OPENED_TEXT =
  'Slack would not let me open the form just now, so nothing was changed. Please try again.';

const FORM_FAILED_TEXT = 'Something went wrong while I got the form ready. Please try again.';

/**
 * Opens a "Loading…" modal with the request's trigger_id. Called straight after the ack and
 * before anything is read: a trigger_id is good for 3 seconds only
 * (https://docs.slack.dev/tools/bolt-js/concepts/creating-modals), and the work that decides
 * what the form holds may queue behind other requests or wait on the database for longer.
 * Never throws: an expired trigger or any other refusal from Slack is logged, and the caller
 * tells the person to try again.
 */
export async function openLoadingModal(
  client: App['client'],
  triggerId: string,
  log: Logger,
): Promise<LoadingModal> {
  try {
    const opened = await client.views.open({
      trigger_id: triggerId,
      view: asModal(renderLoadingModal()),
    });
    const viewId = opened.view?.id;
    if (viewId) return { opened: true, viewId };
    log.warn('Slack: views.open answered without a view id; the form cannot be filled in');
  } catch (error) {
    log.warn({ slack: slackErrorOf(error) }, 'Slack: the form could not be opened');
  }
  return { opened: false };
}

/**
 * Puts the reply into the placeholder (views.update, https://docs.slack.dev/reference/methods/views.update):
 * the form itself, or anything else (a refusal, "try again") as a message with a Close button.
 * False, and logged, when Slack refuses, e.g. because the person closed the placeholder.
 */
export async function fillModal(
  client: App['client'],
  viewId: string,
  reply: Reply,
  log: Logger,
): Promise<boolean> {
  try {
    await client.views.update({
      view_id: viewId,
      view: isModalForm(reply)
        ? formModalView(reply)
        : asModal(renderMessageModal(messageOf(reply))),
    });
    return true;
  } catch (error) {
    log.warn({ slack: slackErrorOf(error) }, 'Slack: the form could not be filled in');
    return false;
  }
}

/**
 * Runs the work whose reply fills an open placeholder. If the work fails, the placeholder says
 * so (try again in a moment, when the database is away) instead of "Loading…" for ever, and the
 * failure goes on to the caller's own handling (workAfterAck answers through the response URL).
 */
export async function runForModal<T>(
  client: App['client'],
  modal: LoadingModal | undefined,
  log: Logger,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (modal?.opened) {
      const text = isDatabaseUnavailable(error) ? TRY_AGAIN_TEXT : FORM_FAILED_TEXT;
      await fillModal(client, modal.viewId, textReply(text), log);
    }
    throw error;
  }
}
