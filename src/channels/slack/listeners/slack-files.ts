/** A standards table is a few hundred rows; anything this big is not one. */
const MAX_FILE_BYTES = 1024 * 1024;

export class SlackFileError extends Error {}

/**
 * Downloads a file someone chose in a modal, with the workspace's bot token. The token goes
 * only to Slack's own hosts (or the configured API host, for a proxy or a local stand-in), never
 * to an address a payload names elsewhere.
 */
export async function downloadSlackFile(
  url: string,
  token: string,
  apiUrl: string,
): Promise<string> {
  const target = new URL(url);
  const allowed =
    target.protocol === 'https:' &&
    (target.hostname === 'slack.com' ||
      target.hostname.endsWith('.slack.com') ||
      target.host === new URL(apiUrl).host);
  if (!allowed) throw new SlackFileError('That file is not on Slack.');
  const res = await fetch(target, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new SlackFileError(`Slack would not hand over the file (${res.status}).`);
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_FILE_BYTES)
    throw new SlackFileError('That file is too big for a standards table.');
  const text = await res.text();
  if (Buffer.byteLength(text) > MAX_FILE_BYTES)
    throw new SlackFileError('That file is too big for a standards table.');
  return text;
}
