import type { types as Slack } from '@slack/bolt';

/**
 * Our Block Kit comes from the card templates as plain JSON (src/cards knows view models, not
 * Slack's SDK), and test/cards checks every template's blocks and views against Slack's rules
 * and limits. This is the one place that JSON is taken as Slack's own types, so the listeners
 * hand the Web API typed arguments with no casts of their own.
 */
export function asBlocks(blocks: readonly unknown[] | undefined): Slack.KnownBlock[] {
  return (blocks ?? []) as Slack.KnownBlock[];
}

export function asModal(view: Record<string, unknown>): Slack.ModalView {
  return view as unknown as Slack.ModalView;
}

export function asHome(blocks: readonly unknown[] | undefined): Slack.HomeView {
  return { type: 'home', blocks: asBlocks(blocks) };
}

/** A rendered card as a message: its notification text and its blocks, typed. */
export function asMessage(message: { text: string; blocks?: unknown[] }): {
  text: string;
  blocks?: Slack.KnownBlock[];
} {
  return message.blocks
    ? { text: message.text, blocks: asBlocks(message.blocks) }
    : { text: message.text };
}
