import type {
  App,
  SlackViewAction,
  ViewOutput,
  ViewResponseAction,
  ViewSubmitAction,
} from '@slack/bolt';
import { runCommand } from '../../../app/dispatch/run-command';
import { isDatabaseUnavailable, TRY_AGAIN_TEXT } from '../../../app/shared/unavailable';
import { runCardAction } from '../../../app/dispatch/card-actions';
import { isAskingVerb, SLACK_ASK_MODALS } from '../../../cards/render-slack';
import type { SlackListenerDeps } from './deps';
import { deliverElsewhere, messageOf, parseJsonObject } from './replies';
import { interactionSpeaker } from './slack-speaker';
import { downloadSlackFile, SlackFileError } from './slack-files';

interface FormSpec {
  verb: string;
  /** Fields Slack's client should already have insisted on; a forged or old view may not have. */
  required: Record<string, string>;
  /** Where a refusal about no particular field is shown. */
  fallback: string;
}

/** Each modal by callback id: the card action its submission runs. */
function formSpec(callbackId: string): FormSpec | undefined {
  if (callbackId === 'declaration-form')
    return {
      verb: 'declaration.submit',
      required: { kind: 'Choose the kind of interest.', detail: 'Say what the interest is.' },
      fallback: 'detail',
    };
  if (callbackId === 'findings-form')
    return { verb: 'findings.submit', required: {}, fallback: 'recommendations' };
  const verb = callbackId.startsWith('ask:') ? callbackId.slice('ask:'.length) : '';
  if (isAskingVerb(verb))
    return {
      verb,
      required: Object.fromEntries(
        SLACK_ASK_MODALS[verb].fields.map((field) => [field, 'Please fill this in.']),
      ),
      fallback: SLACK_ASK_MODALS[verb].fields[0],
    };
  return undefined;
}

interface InputState {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date?: string | null;
}

/** Every input of the view as field → text, by block id (each input's action id is `value`). */
function typedValues(view: ViewOutput): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(view.state.values)) {
    const input = (actions as Record<string, InputState | undefined>).value;
    typed[blockId] = (input?.value ?? input?.selected_option?.value ?? input?.selected_date ?? '')
      .toString()
      .trim();
  }
  return typed;
}

/**
 * A modal submitted: the card action runs with what was typed, and a bad field comes back
 * inline beside that field (`response_action: errors`) with nothing stored. What the form is
 * about (group, check) comes from the private metadata we wrote, not from typed fields.
 */
export function registerViewListeners(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>(
    { callback_id: /.*/, type: 'view_submission' },
    async ({ ack: slackAck, body, view, client, context }) => {
      // If the database is away before we answered, the form says so and stays open.
      let acked = false;
      const ack = async (response?: ViewResponseAction) => {
        acked = true;
        await slackAck(response);
      };
      try {
        if (view.callback_id === 'standards-upload') {
          await importChosenFile(deps, { ack, body, view, client, token: context.botToken ?? '' });
          return;
        }
        const spec = formSpec(view.callback_id);
        if (!spec) {
          await ack();
          return;
        }
        const typed = typedValues(view);
        const missing = Object.entries(spec.required).filter(([field]) => !typed[field]);
        if (missing.length > 0) {
          await ack({ response_action: 'errors', errors: Object.fromEntries(missing) });
          return;
        }
        const speaker = await interactionSpeaker(deps.ctx, deps.settings, body);
        const reply = await runCardAction(deps.ctx, speaker, {
          ...typed,
          ...parseJsonObject(view.private_metadata),
          verb: spec.verb,
        });
        if (reply.refusals) {
          const fields = Object.keys(typed);
          const errors: Record<string, string> = {};
          for (const refusal of reply.refusals) {
            const field =
              refusal.field && fields.includes(refusal.field) ? refusal.field : spec.fallback;
            errors[field] = errors[field] ? `${errors[field]} ${refusal.message}` : refusal.message;
          }
          await ack({ response_action: 'errors', errors });
          return;
        }
        await ack();
        await client.chat.postMessage({ channel: body.user.id, ...messageOf(reply) } as never);
        await deliverElsewhere(deps.messenger, deps.log, reply);
      } catch (error) {
        if (acked || !isDatabaseUnavailable(error)) throw error;
        const field = Object.keys(view.state.values)[0] ?? 'value';
        await ack({ response_action: 'errors', errors: { [field]: TRY_AGAIN_TEXT } });
      }
    },
  );
}

interface FileState {
  files?: Array<{ name?: string; url_private_download?: string; url_private?: string }>;
}

/** `standards import` in Slack: the file chosen in the modal, run as the command with it attached. */
async function importChosenFile(
  deps: SlackListenerDeps,
  args: {
    ack: (response?: ViewResponseAction) => Promise<void>;
    body: SlackViewAction;
    view: ViewOutput;
    client: App['client'];
    token: string;
  },
): Promise<void> {
  const { ack, body, view, client } = args;
  const chosen = (view.state.values.file?.value as FileState | undefined)?.files?.[0];
  const url = chosen?.url_private_download ?? chosen?.url_private;
  if (!chosen || !url) {
    await ack({ response_action: 'errors', errors: { file: 'Choose the CSV or JSON file.' } });
    return;
  }
  let text: string;
  try {
    text = await downloadSlackFile(url, args.token, deps.apiUrl);
  } catch (error) {
    if (!(error instanceof SlackFileError)) throw error;
    await ack({ response_action: 'errors', errors: { file: error.message } });
    return;
  }
  const speaker = await interactionSpeaker(deps.ctx, deps.settings, body);
  const reply = await runCommand(deps.ctx, {
    speaker,
    text: 'standards import',
    mentioned: [],
    attachments: [{ name: chosen.name ?? 'standards.csv', text }],
  });
  if (reply.refusals) {
    await ack({
      response_action: 'errors',
      errors: { file: reply.refusals.map((r) => r.message).join(' ') },
    });
    return;
  }
  await ack();
  await client.chat.postMessage({ channel: body.user.id, ...messageOf(reply) } as never);
}
