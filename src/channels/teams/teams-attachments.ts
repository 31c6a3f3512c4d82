import type { Attachment } from 'botbuilder';
import { z } from 'zod';

const FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';

/**
 * Where Teams serves the files people send to a bot: OneDrive and SharePoint for files in a
 * personal chat (downloadUrl), and the Teams media service for inline ones (contentUrl).
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4#receive-files-in-personal-chat
 * Anything else is never fetched: a URL in a message is the sender's to choose, and fetching it
 * from inside the landlord's network would reach whatever the bot can reach.
 */
const ALLOWED_HOST_SUFFIXES = [
  '.sharepoint.com',
  '.sharepoint.us',
  '.sharepoint.de',
  '.sharepoint.cn',
  '.asm.skype.com',
  '.trafficmanager.net',
];

export const MAX_TABLE_BYTES = 2_000_000;
const DOWNLOAD_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

const downloadInfo = z.object({ downloadUrl: z.url(), fileType: z.string().optional() });

export interface AttachedTable {
  name: string;
  text: string;
}

/** A file that could not be taken, said plainly; never what the file or the server held. */
export class AttachmentRefused extends Error {}

/** The CSV or JSON files of a message, by name and URL, without fetching anything. */
export function tableFilesOf(
  attachments: ReadonlyArray<Attachment>,
): Array<{ name: string; url: string }> {
  const files: Array<{ name: string; url: string }> = [];
  for (const attachment of attachments) {
    const name = attachment.name ?? '';
    if (!/\.(csv|json)$/i.test(name)) continue;
    const info =
      attachment.contentType === FILE_DOWNLOAD
        ? downloadInfo.safeParse(attachment.content)
        : undefined;
    const url = info?.success ? info.data.downloadUrl : attachment.contentUrl;
    if (url) files.push({ name, url });
  }
  return files;
}

export function isAllowedFileHost(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return (
    parsed.protocol === 'https:' && ALLOWED_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))
  );
}

/**
 * Fetches one table: only from Teams' file hosts (redirects included), within 10 seconds and
 * 2 MB, read as a stream so a larger file is cut off, not held in memory.
 */
export async function downloadTable(file: { name: string; url: string }): Promise<AttachedTable> {
  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  let url = file.url;
  for (let hop = 0; ; hop++) {
    if (!isAllowedFileHost(url))
      throw new AttachmentRefused(
        `I only read files shared in Teams (OneDrive or SharePoint); ${file.name} came from elsewhere.`,
      );
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal });
    } catch {
      throw new AttachmentRefused(`I could not download ${file.name} in time. Please try again.`);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
      url = new URL(location, url).toString();
      continue;
    }
    if (!response.ok || !response.body)
      throw new AttachmentRefused(
        `I could not download ${file.name} (Teams answered ${response.status}).`,
      );
    return { name: file.name, text: await readCapped(response.body, file.name, signal) };
  }
}

async function readCapped(
  body: ReadableStream<Uint8Array>,
  name: string,
  signal: AbortSignal,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      if (signal.aborted)
        throw new AttachmentRefused(`I could not download ${name} in time. Please try again.`);
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_TABLE_BYTES)
        throw new AttachmentRefused(`${name} is larger than 2 MB; send a smaller table.`);
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AttachmentRefused) throw error;
    throw new AttachmentRefused(`I could not download ${name} in time. Please try again.`);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8');
}
