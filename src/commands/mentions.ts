/**
 * The one way a mentioned person appears in command text, whichever channel it came from.
 * Each adapter rewrites its own mention markup into this token before parsing, so the parser
 * never needs to know about Teams entities or Slack's angle-bracket escapes.
 */
export const MENTION_PREFIX = '<@person:';

/** A platform id cannot hold whitespace or angle brackets, or the token could not be read back. */
const PLATFORM_USER_ID = /^[^\s<>]+$/;

export function mentionToken(platformUserId: string): string {
  if (!PLATFORM_USER_ID.test(platformUserId)) {
    throw new RangeError(`Not a platform user id that can sit in a mention: ${platformUserId}`);
  }
  return `${MENTION_PREFIX}${platformUserId}>`;
}

/** Reads a mention token starting exactly at `index`; `end` is the index just after it. */
export function readMentionAt(
  text: string,
  index: number,
): { userId: string; end: number } | undefined {
  if (!text.startsWith(MENTION_PREFIX, index)) return undefined;
  const close = text.indexOf('>', index + MENTION_PREFIX.length);
  if (close < 0) return undefined;
  const userId = text.slice(index + MENTION_PREFIX.length, close);
  return PLATFORM_USER_ID.test(userId) ? { userId, end: close + 1 } : undefined;
}

// Slack user ids start with U (or W on Enterprise Grid); `|name` is present in older payloads.
const SLACK_USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;
// Slack wraps links it detected as <https://…> or <https://…|label>; the officer pasted the URL.
const SLACK_LINK = /<((?:https?|mailto):[^|>\s]+)(?:\|[^>]*)?>/g;
// Channel references, <#C123|general>, read as people wrote them.
const SLACK_CHANNEL = /<#[A-Z0-9]+\|([^>]*)>/g;
const SLACK_ENTITY = /&(amp|lt|gt);/g;

/**
 * Slack message text → parser text: user mentions become tokens, links and channel names become
 * what was typed, and Slack's three escapes (&amp; &lt; &gt;) are undone. A `<` a person typed
 * before `@person:` stays escaped, so nobody can forge a mention by typing the token.
 */
export function normaliseSlackMentions(text: string): string {
  return text
    .replace(SLACK_USER_MENTION, (_whole, userId: string) => mentionToken(userId))
    .replace(SLACK_LINK, (_whole, url: string) => url.replace(/^mailto:/, ''))
    .replace(SLACK_CHANNEL, (_whole, channel: string) => `#${channel}`)
    .replace(SLACK_ENTITY, (whole, name: string, offset: number, all: string) => {
      if (name === 'amp') return '&';
      if (name === 'gt') return '>';
      return all.startsWith('@person:', offset + whole.length) ? whole : '<';
    });
}
