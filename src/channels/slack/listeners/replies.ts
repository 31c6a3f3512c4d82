import type { types as Slack } from '@slack/bolt';
import { asMessage, asModal } from '../block-kit';
import type { ClaimOutcome, KeptDelivery } from '../delivery-claim';
import {
  FirstRunWroteError,
  inDeliveryScope,
  outsideDeliveryScope,
} from '../../../store/delivery-scope';
import type { App, RespondFn } from '@slack/bolt';
import { isDatabaseUnavailable, TRY_AGAIN_TEXT } from '../../../app/shared/unavailable';
import type { Reply } from '../../../app/dispatch/reply';
import type { Messenger } from '../../../app/messaging/messenger';
import { postDeliveries } from '../../../app/messaging/post-deliveries';
import type { Actor } from '../../../app/shared/actor';
import type { AppContext } from '../../../app/shared/context';
import { hasSlackModal, renderSlackBlocks, renderSlackModal } from '../../../cards/render-slack';
import type { Logger } from '../../../log/logger';
import type { AfterAck } from './deps';

/** A reply as a Block Kit message: its card rendered, its text as the notification line. */
export function messageOf(reply: Reply): { text: string; blocks?: Slack.KnownBlock[] } {
  const card = reply.kind === 'form' ? reply.form : reply.card;
  return asMessage(
    card ? renderSlackBlocks(card.name, card.viewModel, reply.text) : { text: reply.text },
  );
}

export function isModalForm(reply: Reply): reply is Extract<Reply, { kind: 'form' }> {
  return reply.kind === 'form' && hasSlackModal(reply.form.name);
}

/**
 * A form as a modal view. The form's identifying fields (a group, a check reference) travel in
 * private_metadata so the submission knows what it is about without trusting what was typed.
 */
export function formModalView(reply: Extract<Reply, { kind: 'form' }>): Slack.ModalView {
  const { groupId, ref } = reply.form.viewModel;
  const metadata = {
    ...(typeof groupId === 'string' ? { groupId } : {}),
    ...(typeof ref === 'string' ? { ref } : {}),
  };
  return asModal(
    renderSlackModal(reply.form.name, reply.form.viewModel, {
      callbackId: reply.form.name,
      privateMetadata: JSON.stringify(metadata),
    }),
  );
}

/**
 * Opens a form as a modal straight away: for a form no placeholder was opened for (see
 * app/dispatch/form-requests.ts). False, and logged, when Slack refuses, e.g. because the
 * trigger_id has expired; the caller tells the person to try again.
 */
export async function openModal(
  client: App['client'],
  triggerId: string,
  reply: Extract<Reply, { kind: 'form' }>,
  log: Logger,
): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: triggerId, view: formModalView(reply) });
    return true;
  } catch (error) {
    log.warn({ slack: slackErrorOf(error) }, 'Slack: a form could not be opened');
    return false;
  }
}

/** What Slack said when a Web API call failed (e.g. `expired_trigger_id`), for the log. */
export function slackErrorOf(error: unknown): {
  code?: unknown;
  error?: unknown;
  message?: string;
} {
  const e = error as { code?: unknown; data?: { error?: unknown }; message?: string };
  return { code: e.code, error: e.data?.error, message: e.message };
}

/**
 * The messages a command or click causes elsewhere, e.g. the checklist in the inspector's DM:
 * through the outbox, keyed by the trigger_id the inbound ledger claims (so a redelivered
 * command queues nothing twice), sent after the ack; `tell` says to the person who acted alone
 * if any was not taken at once.
 */
export async function deliverElsewhere(
  deps: { ctx: AppContext; messenger: Messenger; log: Logger },
  reply: Reply,
  from: { triggerId?: string; actor: Actor; tell: (text: string) => Promise<unknown> },
): Promise<void> {
  const note = await postDeliveries(deps.ctx, deps.messenger, reply, {
    ...(from.triggerId ? { inboundKey: `slack-trigger:${from.triggerId}` } : {}),
    organisationId: from.actor.organisationId,
    causedBy: from.actor.personId,
  });
  if (!note) return;
  deps.log.warn('a Slack message to another chat was not delivered at once; it is in the outbox');
  await from.tell(note);
}

/** A button's value or a modal's metadata is JSON we wrote; anything else counts as no data. */
export function parseJsonObject(value: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * The work a command or click does after its ack: queued behind the others (deps.afterAck),
 * answering through a response URL that is posted to again after a passing fault, and, if the
 * database cannot be reached, telling the person to try again in a moment (only they see it)
 * instead of leaving them with nothing. Nothing was written in that case.
 */
export async function workAfterAck(
  afterAck: AfterAck,
  slackRespond: RespondFn,
  work: (respond: RespondFn) => Promise<void>,
  options: {
    replacePlaceholder?: boolean;
    /** The delivery's claim, when the receiver acked before it was taken: a repeat does nothing. */
    claim?: Promise<ClaimOutcome> | undefined;
    /** What a repeat is told (a command's placeholder is replaced); a click is told nothing. */
    repeatText?: string;
    /**
     * A command or click kept until its work is done (see delivery-claim): the work runs in its
     * delivery's scope, so a second run after this process died writes nothing twice. The
     * receiver marks it done once its listener has finished.
     */
    kept?: KeptDelivery | undefined;
  } = {},
): Promise<void> {
  const respond = retryingRespond(slackRespond);
  const tellRepeat = async () => {
    if (options.repeatText)
      await respond({
        replace_original: true,
        response_type: 'ephemeral',
        text: options.repeatText,
      });
  };
  await afterAck(async () => {
    if (options.claim && (await options.claim) === 'repeat') {
      await tellRepeat();
      return;
    }
    const { kept } = options;
    try {
      const run = () => work(respond);
      await (kept ? inDeliveryScope(kept, run) : outsideDeliveryScope(run));
    } catch (error) {
      if (error instanceof FirstRunWroteError) await tellRepeat();
      else if (!isDatabaseUnavailable(error)) throw error;
      else
        await respond({
          replace_original: options.replacePlaceholder ?? false,
          response_type: 'ephemeral',
          text: TRY_AGAIN_TEXT,
        });
    }
  });
}

/** Waits before posting to a response URL again, after a 5xx, a 429 or no answer at all. */
const RESPOND_RETRY_WAITS_MS = [250, 1000];

/**
 * A response URL that answers 5xx (or not at all) is posted to again, twice at most; a 4xx
 * (e.g. an expired URL) is not. Without this, a passing fault at Slack lost the only answer a
 * command or click gets.
 */
function retryingRespond(respond: RespondFn): RespondFn {
  return async (message) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await respond(message);
      } catch (error) {
        const status = (error as { response?: { status?: unknown } }).response?.status;
        const passing = typeof status !== 'number' || status >= 500 || status === 429;
        const wait = RESPOND_RETRY_WAITS_MS[attempt];
        if (!passing || wait === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
}
