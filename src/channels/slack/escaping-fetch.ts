import type { FetchFunction } from '@slack/web-api';
import { escapeSlackText } from '../../cards/render-slack';

type FetchRequestInit = NonNullable<Parameters<FetchFunction>[1]>;

/**
 * The one place a message's top-level `text` leaves the bot for Slack. Every Web API call
 * (chat.postMessage for DMs and channel posts, chat.postEphemeral, chat.update) and every
 * response_url post (slash-command answers, click answers, in-channel or ephemeral) goes through
 * the fetch given to Bolt's App and to our WebClients, so escaping `text` here covers them all,
 * answers a listener writes itself (a click's "✓ …" confirmation) as much as rendered cards.
 *
 * `text` is built from what members typed (a topic, a reason, a declaration's detail) and Slack
 * reads it as mrkdwn, where `<!channel>` notifies everyone and `<https://…|label>` disguises a
 * link. The blocks are escaped field by field when cards are rendered (escapeForSlack); `text`
 * is escaped whole, because the bot itself writes no Slack markup there. A link or mention the
 * bot means to send belongs in blocks.
 *
 * Views (views.open, views.publish) carry no top-level `text` and pass unchanged.
 */
export function escapingFetch(
  inner: FetchFunction = (url, init) => globalThis.fetch(url, init),
): FetchFunction {
  return (url, init) => inner(url, init ? withEscapedText(init) : init);
}

export function withEscapedText(init: FetchRequestInit): FetchRequestInit {
  const { body } = init;
  if (typeof body !== 'string') return init;
  const type = contentType(init.headers).toLowerCase();
  if (type.startsWith('application/json')) return { ...init, body: escapeJsonText(body) };
  if (type.startsWith('application/x-www-form-urlencoded'))
    return { ...init, body: escapeFormText(body) };
  return init;
}

function contentType(headers: Record<string, string> | undefined): string {
  const entry = Object.entries(headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'content-type',
  );
  return entry?.[1] ?? '';
}

/** A response_url post: JSON with `text` at the top. */
function escapeJsonText(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return body;
  const message = parsed as Record<string, unknown>;
  if (typeof message.text !== 'string') return body;
  return JSON.stringify({ ...message, text: escapeSlackText(message.text) });
}

/**
 * A Web API call: form-encoded, blocks already a JSON string beside `text`. Only the `text`
 * pair is rewritten, so every other argument reaches Slack byte for byte as the client sent it.
 */
function escapeFormText(body: string): string {
  return body
    .split('&')
    .map((pair) => {
      if (!pair.startsWith('text=')) return pair;
      const text = decodeURIComponent(pair.slice('text='.length).replace(/\+/g, ' '));
      return `text=${encodeURIComponent(escapeSlackText(text))}`;
    })
    .join('&');
}
