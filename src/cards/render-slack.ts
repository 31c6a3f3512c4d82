import { expand, isCardName, loadModal, loadTemplate } from './templates';

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

/** Slack's limits on one message (Block Kit reference). */
export const SLACK_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150, buttonText: 75 };

/**
 * Slack reads &, < and > in text as markup (`<!channel>`, `<@U123>`, `<https://…|label>`), so
 * text must carry them as &amp; &lt; &gt; and nothing else encoded: "Formatting text for app
 * surfaces", Escaping, https://api.slack.com/reference/surfaces/formatting#escaping. The same
 * rule holds for a block's mrkdwn and for a message's top-level `text`.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What people typed must not become a link or mention: every string in a view model escaped. */
export function escapeForSlack(value: unknown): unknown {
  if (typeof value === 'string') return escapeSlackText(value);
  if (Array.isArray(value)) return value.map(escapeForSlack);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeForSlack(v)]));
  return value;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A card by name as Block Kit, from the same view model the Teams card uses. Long lists are cut
 * to Slack's 50 blocks with an "and N more" line; long texts are clipped to Slack's limits.
 */
export function renderSlackBlocks(
  name: string,
  viewModel: unknown,
  fallback: string,
): SlackMessage {
  if (!isCardName(name)) throw new RangeError(`No card template called ${name}`);
  const expanded = expand(loadTemplate(name, 'slack'), escapeForSlack(viewModel)) as {
    blocks: Array<Record<string, unknown>>;
  };
  let blocks = expanded.blocks.map((block) => {
    const text = block.text as { type: string; text: string } | undefined;
    if (!text) return block;
    const max = block.type === 'header' ? SLACK_LIMITS.headerText : SLACK_LIMITS.sectionText;
    return { ...block, text: { ...text, text: clip(text.text, max) } };
  });
  if (blocks.length > SLACK_LIMITS.blocks) {
    const hidden = blocks.length - (SLACK_LIMITS.blocks - 1);
    blocks = [
      ...blocks.slice(0, SLACK_LIMITS.blocks - 1),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `and ${hidden} more` }] },
    ];
  }
  return { text: clip(fallback, SLACK_LIMITS.sectionText), blocks };
}

/** Cards that are forms open as a Slack modal (views.open); the rest are messages. */
export const SLACK_MODALS = [
  'declaration-form',
  'findings-form',
  'standards-upload',
  'management-response',
] as const;

export function hasSlackModal(name: string): boolean {
  return (SLACK_MODALS as readonly string[]).includes(name);
}

export function renderSlackModal(
  name: string,
  viewModel: unknown,
  options: { callbackId: string; privateMetadata: string },
): Record<string, unknown> {
  if (!isCardName(name) || !hasSlackModal(name)) throw new RangeError(`No Slack modal for ${name}`);
  const view = expand(loadTemplate(name, 'modal'), escapeForSlack(viewModel)) as {
    title?: { type: string; text: string };
    blocks?: Array<Record<string, unknown>>;
  };
  return {
    ...view,
    ...(view.title ? { title: { ...view.title, text: clip(view.title.text, 24) } } : {}),
    blocks: (view.blocks ?? []).map(chooseElement),
    callback_id: options.callbackId,
    private_metadata: options.privateMetadata,
  };
}

/**
 * A modal template may list an input's element as alternatives, each with a `$when` (a yes/no
 * question gets radio buttons, a number a number box): templating leaves the one that applies,
 * still in a one-item list, which Slack wants as the element itself.
 */
function chooseElement(block: Record<string, unknown>): Record<string, unknown> {
  const element = block.element;
  if (!Array.isArray(element)) return block;
  if (element.length !== 1)
    throw new RangeError(`modal block ${String(block.block_id)}: ${element.length} elements apply`);
  return { ...block, element: element[0] as unknown };
}

/**
 * Slack buttons cannot carry a text box, so the clicks that need one (a reason to decline, a
 * proposed date) open a small modal first; its submission runs the same card action.
 */
export const SLACK_ASK_MODALS = {
  'check.decline': { modal: 'check-decline', fields: ['reason'] },
  'evidence.more-time': { modal: 'evidence-more-time', fields: ['until', 'reason'] },
  'declaration.decide': { modal: 'declaration-exclude', fields: ['exclude'] },
  'conduct.outcome': { modal: 'conduct-outcome', fields: ['outcome', 'remove'] },
  'findings.return': { modal: 'findings-return', fields: ['reason'] },
} as const;
export type AskingVerb = keyof typeof SLACK_ASK_MODALS;

export function isAskingVerb(verb: string): verb is AskingVerb {
  return verb in SLACK_ASK_MODALS;
}

/** A click that needs typing first; deciding a declaration asks only when it excludes. */
export function asksFirst(verb: string, data: Record<string, unknown> = {}): verb is AskingVerb {
  if (verb === 'declaration.decide') return data.outcome === 'excluded' && !data.exclude;
  return isAskingVerb(verb);
}

export function renderAskModal(
  verb: AskingVerb,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const { modal } = SLACK_ASK_MODALS[verb];
  const view = expand(loadModal(modal), escapeForSlack(data)) as Record<string, unknown>;
  return { ...view, callback_id: `ask:${verb}`, private_metadata: JSON.stringify(data) };
}

/** The placeholder a form opens as, while what fills it is read (see listeners/modals.ts). */
export const LOADING_CALLBACK_ID = 'scrutiny-loading';
/** A modal that only tells the person something: nothing in it can be submitted. */
export const MESSAGE_CALLBACK_ID = 'scrutiny-message';

/** Slack's modal title is at most 24 characters. https://docs.slack.dev/reference/views/modal-views */
const MODAL_TITLE = 'Scrutiny';

/**
 * A modal with only "Loading…" in it: opened the moment a command or click arrives, because
 * its trigger_id is good for 3 seconds only, and filled in with views.update once the form is
 * ready. Plain text, so nothing in it is read as markup.
 */
export function renderLoadingModal(): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: LOADING_CALLBACK_ID,
    title: { type: 'plain_text', text: MODAL_TITLE },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [{ type: 'section', text: { type: 'plain_text', text: 'Loading…' } }],
  };
}

/**
 * A message (a refusal, "try again") shown in the modal that was opened for a form, so the
 * person is not left looking at "Loading…". The blocks are a rendered card, already escaped.
 */
export function renderMessageModal(message: {
  text: string;
  blocks?: unknown[];
}): Record<string, unknown> {
  const blocks =
    message.blocks && message.blocks.length > 0
      ? message.blocks
      : [
          {
            type: 'section',
            text: { type: 'plain_text', text: clip(message.text, SLACK_LIMITS.sectionText) },
          },
        ];
  return {
    type: 'modal',
    callback_id: MESSAGE_CALLBACK_ID,
    title: { type: 'plain_text', text: MODAL_TITLE },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}
