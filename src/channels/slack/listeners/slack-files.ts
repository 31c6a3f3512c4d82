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

/**
 * The bytes of a file someone chose in a modal, read as a stream and cut off past `maxBytes`
 * (Slack's own figure for the size may be absent or wrong), with the same host rule as above.
 */
export async function downloadSlackBytes(
  file: { name: string; url: string },
  token: string,
  apiUrl: string,
  maxBytes: number,
): Promise<Buffer> {
  const target = new URL(file.url);
  if (!isSlackHost(target, apiUrl)) throw new SlackFileError(`${file.name} is not on Slack.`);
  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(target, { headers: { authorization: `Bearer ${token}` }, signal });
  } catch {
    throw new SlackFileError(
      `I could not fetch ${file.name} from Slack in time. Please try again.`,
    );
  }
  if (!res.ok || !res.body)
    throw new SlackFileError(`Slack would not hand over ${file.name} (${res.status}).`);
  const tooBig = () =>
    new SlackFileError(
      `${file.name} is larger than ${Math.round(maxBytes / (1024 * 1024))} MB; send a smaller file.`,
    );
  if (Number(res.headers.get('content-length') ?? '0') > maxBytes) throw tooBig();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooBig();
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SlackFileError) throw error;
    throw new SlackFileError(
      `I could not fetch ${file.name} from Slack in time. Please try again.`,
    );
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks);
}

/** A findings file is at most 10 MB; Slack serves one well within this. */
const DOWNLOAD_TIMEOUT_MS = 20_000;

function isSlackHost(target: URL, apiUrl: string): boolean {
  return (
    target.protocol === 'https:' &&
    (target.hostname === 'slack.com' ||
      target.hostname.endsWith('.slack.com') ||
      target.host === new URL(apiUrl).host)
  );
}
