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
  const bytes = await downloadFile(file, MAX_TABLE_BYTES, 'table');
  return { name: file.name, text: bytes.toString('utf8') };
}

/**
 * The files of a message in a personal chat that are not tables for an import: downloads
 * (OneDrive or SharePoint), and how many were pictures pasted inline, which the Bot Framework
 * serves only with the bot's own token.
 */
export function sentFilesOf(attachments: ReadonlyArray<Attachment>): {
  downloads: Array<{ name: string; url: string }>;
  inline: number;
} {
  const downloads: Array<{ name: string; url: string }> = [];
  let inline = 0;
  for (const attachment of attachments) {
    if (attachment.contentType === FILE_DOWNLOAD) {
      const info = downloadInfo.safeParse(attachment.content);
      if (info.success)
        downloads.push({ name: attachment.name ?? 'file', url: info.data.downloadUrl });
    } else if (attachment.contentType.startsWith('image/')) inline += 1;
  }
  return { downloads, inline };
}

/**
 * Fetches one file's bytes: only from Teams' file hosts (redirects included), within 10 seconds
 * and `maxBytes`, read as a stream so a larger file is cut off, not held in memory.
 */
export async function downloadFile(
  file: { name: string; url: string },
  maxBytes: number,
  what = 'file',
): Promise<Buffer> {
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
    return readCapped(response.body, { name: file.name, maxBytes, what }, signal);
  }
}

async function readCapped(
  body: ReadableStream<Uint8Array>,
  file: { name: string; maxBytes: number; what: string },
  signal: AbortSignal,
): Promise<Buffer> {
  const { name } = file;
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
      if (size > file.maxBytes)
        throw new AttachmentRefused(
          `${name} is larger than ${megabytes(file.maxBytes)} MB; send a smaller ${file.what}.`,
        );
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AttachmentRefused) throw error;
    throw new AttachmentRefused(`I could not download ${name} in time. Please try again.`);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks);
}

function megabytes(bytes: number): number {
  // The table limit is decimal (2,000,000), the findings limit binary (10 MiB): both read whole.
  return Math.round(bytes / (bytes % 1_000_000 === 0 ? 1_000_000 : 1024 * 1024));
}
