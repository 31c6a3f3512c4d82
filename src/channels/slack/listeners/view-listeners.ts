import type {
  App,
  SlackViewAction,
  ViewOutput,
  ViewResponseAction,
  ViewSubmitAction,
} from '@slack/bolt';
import { cardActionSchema, runCardAction } from '../../../app/dispatch/card-actions';
import { refusalReply, textReply, type Reply } from '../../../app/dispatch/reply';
import { runCommand } from '../../../app/dispatch/run-command';
import { inputRefusal } from '../../../app/shared/input-problems';
import { isDatabaseUnavailable, TRY_AGAIN_TEXT } from '../../../app/shared/unavailable';
import type { Refusal } from '../../../domain/shared/result';
import { isDatabaseReachable } from '../../../store/connection';
import { isAskingVerb, SLACK_ASK_MODALS } from '../../../cards/render-slack';
import type { SlackListenerDeps } from './deps';
import type { Actor } from '../../../app/shared/actor';
import { deliverElsewhere, messageOf, parseJsonObject } from './replies';
import { interactionSpeaker } from './slack-speaker';
import { downloadSlackFile, SlackFileError } from './slack-files';
import { attachChosenFiles, chosenFindingFiles } from './finding-uploads';

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
  // One radio and one reason per recommendation: the card action checks them all together.
  if (callbackId === 'management-response')
    return { verb: 'review.respond', required: {}, fallback: 'decision-1' };
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

/** What the work behind a submission came to: the reply, and inline errors if it was refused. */
interface Outcome {
  reply: Reply;
  errors?: Record<string, string>;
  /** Who submitted, once known: the deliveries the reply causes are theirs. */
  actor?: Actor;
}

/** A submission read without the database: refused at once, or work still to do. */
type Checked =
  | { kind: 'answered'; response?: ViewResponseAction }
  | { kind: 'work'; run: () => Promise<Outcome>; fallback: string };

/**
 * How long a submission's work may take before the modal is let go. Slack closes a modal whose
 * submission is not answered within 3 seconds, and whatever errors come after that are lost
 * (https://docs.slack.dev/tools/bolt-js/concepts/acknowledge); our receiver answers an
 * unacknowledged request with an empty 200 at 2.5 s (restify-receiver.ts), which closes it too.
 * This budget and the database check after it (DOWN_CHECK_MS) end by 2.1 s, leaving room for
 * the time spent before this listener runs.
 */
export const SUBMISSION_BUDGET_MS = 1800;
const DOWN_CHECK_MS = 300;

/**
 * A modal submitted. The typed fields are checked first, with nothing read (required fields,
 * the card action's schema): a bad one comes back inline beside its field at once. The work
 * that needs the database (who is submitting, the use-case's own rules) then runs before the
 * ack, because a refusal from it belongs inline too, but only for SUBMISSION_BUDGET_MS. Most
 * submissions are done by then and behave as if there were no limit. One that is not gets its
 * ack (the modal closes) and finishes after; the person is then told the outcome in a direct
 * message, a refusal included, since there is no form left to show it on. We chose this over
 * acking every submission at once: an inline refusal keeps what was typed, a message does not.
 * Work that is slow because the database is away keeps the form open with "try again" instead,
 * as when the failure comes in time. What the form is about (group, check) comes from the private metadata we wrote, not from
 * typed fields.
 */
export function registerViewListeners(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>(
    { callback_id: /.*/, type: 'view_submission' },
    async ({ ack, body, view, client, context }) => {
      const checked =
        view.callback_id === 'standards-upload'
          ? checkChosenFile(deps, { body, view, token: context.botToken ?? '' })
          : checkForm(deps, body, view, context.botToken ?? '');
      if (checked.kind === 'answered') {
        await ack(checked.response);
        return;
      }
      await answerInTime(
        deps,
        { ack, client, userId: body.user.id, triggerId: body.trigger_id },
        checked,
      );
    },
  );
}

function checkForm(
  deps: SlackListenerDeps,
  body: SlackViewAction,
  view: ViewOutput,
  token: string,
): Checked {
  const spec = formSpec(view.callback_id);
  if (!spec) return { kind: 'answered' };
  const typed = typedValues(view);
  const missing = Object.entries(spec.required).filter(([field]) => !typed[field]);
  if (missing.length > 0) return refusedWith(Object.fromEntries(missing));
  const action = { ...typed, ...parseJsonObject(view.private_metadata), verb: spec.verb };
  const parsed = cardActionSchema.safeParse(action);
  if (!parsed.success)
    return refusedWith(errorsOf([inputRefusal(parsed.error)], Object.keys(typed), spec.fallback));
  return {
    kind: 'work',
    fallback: firstField(view),
    run: async () => {
      const speaker = await interactionSpeaker(deps.ctx, deps.settings, body);
      if (view.callback_id === 'findings-form') {
        // Files first: once the findings are in, they are closed to files.
        const refused = await attachChosenFiles(deps, speaker, {
          ref: String((action as Record<string, unknown>).ref ?? ''),
          files: chosenFindingFiles(view),
          token,
        });
        if (refused)
          return {
            reply: refused,
            errors: errorsOf(refused.refusals ?? [], Object.keys(typed), spec.fallback),
          };
      }
      const reply = await runCardAction(deps.ctx, speaker, action);
      return reply.refusals
        ? { reply, errors: errorsOf(reply.refusals, Object.keys(typed), spec.fallback) }
        : { reply, actor: speaker.actor };
    },
  };
}

function refusedWith(errors: Record<string, string>): Checked {
  return { kind: 'answered', response: { response_action: 'errors', errors } };
}

/** Each refusal beside the field it is about, or beside `fallback` when it names none we show. */
function errorsOf(
  refusals: readonly Refusal[],
  fields: readonly string[],
  fallback: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const refusal of refusals) {
    const field = refusal.field && fields.includes(refusal.field) ? refusal.field : fallback;
    errors[field] = errors[field] ? `${errors[field]} ${refusal.message}` : refusal.message;
  }
  return errors;
}

function firstField(view: ViewOutput): string {
  return Object.keys(view.state.values)[0] ?? 'value';
}

/** Resolves after `ms` unless cancelled first, so a finished submission leaves no timer behind. */
function budget(ms: number): { expired: Promise<'late'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  return { expired, cancel: () => clearTimeout(timer) };
}

async function answerInTime(
  deps: SlackListenerDeps,
  slack: {
    ack: (response?: ViewResponseAction) => Promise<void>;
    client: App['client'];
    userId: string;
    triggerId: string;
  },
  checked: Extract<Checked, { kind: 'work' }>,
): Promise<void> {
  const { ack } = slack;
  const work = checked.run();
  const clock = budget(SUBMISSION_BUDGET_MS);
  let first: Outcome | 'late';
  try {
    first = await Promise.race([work, clock.expired]);
  } catch (error) {
    // Not acknowledged yet: if the database is away, the form says so and stays open.
    if (!isDatabaseUnavailable(error)) throw error;
    await ack({ response_action: 'errors', errors: { [checked.fallback]: TRY_AGAIN_TEXT } });
    return;
  } finally {
    clock.cancel();
  }
  if (first !== 'late') {
    if (first.errors) {
      await ack({ response_action: 'errors', errors: first.errors });
      return;
    }
    await ack();
    await tellSubmitter(slack, first.reply);
    await deliverFor(deps, slack, first);
    return;
  }
  if (!(await isDatabaseReachable(deps.ctx.db, DOWN_CHECK_MS))) {
    // Slow because the database is away (the driver waits 5 s to find a server before it
    // gives up): the form stays open and says so, as it does when the failure comes in time.
    await ack({ response_action: 'errors', errors: { [checked.fallback]: TRY_AGAIN_TEXT } });
    await tellIfDoneAfterAll(deps, slack, work);
    return;
  }
  await ack();
  deps.log.info(
    { budgetMs: SUBMISSION_BUDGET_MS },
    'Slack: a form took too long; closed it and finishing after',
  );
  let outcome: Outcome;
  try {
    outcome = await work;
  } catch (error) {
    await tellSubmitter(
      slack,
      textReply(isDatabaseUnavailable(error) ? TRY_AGAIN_TEXT : LATE_FAILURE_TEXT),
    );
    if (isDatabaseUnavailable(error)) return;
    throw error;
  }
  // A refusal too: the form it would have stood beside is closed.
  await tellSubmitter(slack, outcome.reply);
  if (!outcome.errors) await deliverFor(deps, slack, outcome);
}

/**
 * The person was told to try again, but the database came back in time for the work to go
 * through after all: they are told it did, so they do not send it twice.
 */
async function tellIfDoneAfterAll(
  deps: SlackListenerDeps,
  slack: { client: App['client']; userId: string; triggerId: string },
  work: Promise<Outcome>,
): Promise<void> {
  let outcome: Outcome;
  try {
    outcome = await work;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return;
    throw error;
  }
  if (outcome.errors) return;
  await tellSubmitter(slack, outcome.reply);
  await deliverFor(deps, slack, outcome);
}

const LATE_FAILURE_TEXT =
  'Something went wrong with the form you sent, so it may not have been recorded. Please check and send it again.';

/** The reply's deliveries, through the outbox; the submitter hears of any held up in their DM. */
async function deliverFor(
  deps: SlackListenerDeps,
  slack: { client: App['client']; userId: string; triggerId: string },
  outcome: Outcome,
): Promise<void> {
  if (!outcome.actor) return;
  await deliverElsewhere(deps, outcome.reply, {
    triggerId: slack.triggerId,
    actor: outcome.actor,
    tell: (text) => slack.client.chat.postMessage({ channel: slack.userId, text }),
  });
}

/** A modal has no channel: the submitter hears back in their direct message with the bot. */
async function tellSubmitter(
  slack: { client: App['client']; userId: string },
  reply: Reply,
): Promise<void> {
  await slack.client.chat.postMessage({ channel: slack.userId, ...messageOf(reply) });
}

interface FileState {
  files?: Array<{ name?: string; url_private_download?: string; url_private?: string }>;
}

/**
 * `standards import` in Slack: the file chosen in the modal, fetched from Slack and run as the
 * command with it attached. That the file is there is checked at once; fetching and importing
 * it is the work, within the same budget as any other form.
 */
function checkChosenFile(
  deps: SlackListenerDeps,
  args: { body: SlackViewAction; view: ViewOutput; token: string },
): Checked {
  const { body, view } = args;
  const chosen = (view.state.values.file?.value as FileState | undefined)?.files?.[0];
  const url = chosen?.url_private_download ?? chosen?.url_private;
  if (!chosen || !url) return refusedWith({ file: 'Choose the CSV or JSON file.' });
  return {
    kind: 'work',
    fallback: 'file',
    run: async () => {
      let text: string;
      try {
        text = await downloadSlackFile(url, args.token, deps.apiUrl);
      } catch (error) {
        if (!(error instanceof SlackFileError)) throw error;
        const refusal = { code: 'standards.file', message: error.message };
        return { reply: refusalReply([refusal]), errors: { file: error.message } };
      }
      const speaker = await interactionSpeaker(deps.ctx, deps.settings, body);
      const reply = await runCommand(deps.ctx, {
        speaker,
        text: 'standards import',
        mentioned: [],
        attachments: [{ name: chosen.name ?? 'standards.csv', text }],
      });
      return reply.refusals
        ? { reply, errors: { file: reply.refusals.map((r) => r.message).join(' ') } }
        : { reply, actor: speaker.actor };
    },
  };
}
