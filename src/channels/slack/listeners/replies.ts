import type { App, RespondFn } from '@slack/bolt';
import { isDatabaseUnavailable, TRY_AGAIN_TEXT } from '../../../app/shared/unavailable';
import type { Reply } from '../../../app/dispatch/reply';
import type { Messenger } from '../../../app/messaging/messenger';
import { hasSlackModal, renderSlackBlocks, renderSlackModal } from '../../../cards/render-slack';
import type { Logger } from '../../../log/logger';

/** A reply as a Block Kit message: its card rendered, its text as the notification line. */
export function messageOf(reply: Reply): { text: string; blocks?: unknown[] } {
  const card = reply.kind === 'form' ? reply.form : reply.card;
  return card ? renderSlackBlocks(card.name, card.viewModel, reply.text) : { text: reply.text };
}

export function isModalForm(reply: Reply): reply is Extract<Reply, { kind: 'form' }> {
  return reply.kind === 'form' && hasSlackModal(reply.form.name);
}

/**
 * Opens a form as a modal. The form's identifying fields (a group, a check reference) travel in
 * private_metadata so the submission knows what it is about without trusting what was typed.
 */
export async function openModal(
  client: App['client'],
  triggerId: string,
  reply: Extract<Reply, { kind: 'form' }>,
): Promise<void> {
  const { groupId, ref } = reply.form.viewModel;
  const metadata = {
    ...(typeof groupId === 'string' ? { groupId } : {}),
    ...(typeof ref === 'string' ? { ref } : {}),
  };
  await client.views.open({
    trigger_id: triggerId,
    view: renderSlackModal(reply.form.name, reply.form.viewModel, {
      callbackId: reply.form.name,
      privateMetadata: JSON.stringify(metadata),
    }) as never,
  });
}

/** The messages a command or click causes elsewhere, e.g. the checklist in the inspector's DM. */
export async function deliverElsewhere(
  messenger: Messenger,
  log: Logger,
  reply: Reply,
): Promise<void> {
  for (const delivery of reply.deliveries ?? []) {
    const outcome = await messenger.send(delivery.to, delivery.message);
    if (!outcome.sent)
      log.warn({ reason: outcome.reason }, 'a Slack message to another chat was not delivered');
  }
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
 * Runs the work after an ack; if the database cannot be reached, the person is told to try again
 * in a moment (only they see it) instead of hearing nothing. Nothing was written.
 */
export async function unlessDatabaseDown(
  respond: RespondFn,
  work: () => Promise<void>,
  options: { replacePlaceholder?: boolean } = {},
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    await respond({
      replace_original: options.replacePlaceholder ?? false,
      response_type: 'ephemeral',
      text: TRY_AGAIN_TEXT,
    });
  }
}
