import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { OutgoingFileRecord } from '../../store/outgoing-files/outgoing-file-model';

/*
 * Files to a person in Teams. A bot cannot put a file in a channel without Graph, and in a
 * personal chat it may upload only what the person accepted: the bot sends a file consent card,
 * Teams answers the click with a `fileConsent/invoke` carrying an upload session in the
 * person's OneDrive, the bot PUTs the bytes there and then shows the file with a file info card.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4#send-files-to-personal-chat
 */

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

export function fileConsentCard(offer: OutgoingFileRecord): Attachment {
  // The offer's id comes back in whichever context the person's click picks.
  const context = { offerId: offer._id };
  return {
    contentType: FILE_CONSENT_CARD,
    name: offer.name,
    content: {
      description: offer.description ?? offer.name,
      sizeInBytes: offer.size,
      acceptContext: context,
      declineContext: context,
    },
  };
}

/** The invoke's value: what Teams sends, so read with care (anyone can post to the endpoint). */
export const fileConsentAnswer = z.object({
  action: z.enum(['accept', 'decline']),
  context: z.object({ offerId: z.string().min(16).max(100) }),
  uploadInfo: z
    .object({
      name: z.string().max(400).optional(),
      uploadUrl: z.string().url().max(4000),
      contentUrl: z.string().url().max(4000),
      uniqueId: z.string().max(200),
      fileType: z.string().max(50),
    })
    .optional(),
});

export type FileConsentAnswer = z.infer<typeof fileConsentAnswer>;
export type UploadInfo = NonNullable<FileConsentAnswer['uploadInfo']>;

/**
 * Where an upload session may be: the person's OneDrive for Business (SharePoint), OneDrive or
 * Graph. The bytes may be someone's own data, so an address anywhere else gets nothing.
 */
const UPLOAD_HOST_SUFFIXES = [
  '.sharepoint.com',
  '.onedrive.com',
  '.sharepoint.us',
  '.sharepoint.de',
];
const UPLOAD_HOSTS = ['graph.microsoft.com', 'onedrive.live.com'];

export function isUploadHost(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return (
    parsed.protocol === 'https:' &&
    (UPLOAD_HOSTS.includes(host) || UPLOAD_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix)))
  );
}

/** A file this size goes in one request; OneDrive takes up to 60 MiB in one. */
const UPLOAD_TIMEOUT_MS = 30_000;

/**
 * PUTs the whole file into the upload session in one range, as Microsoft's sample does. True
 * once OneDrive says the file is complete (200 or 201).
 * https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession#upload-bytes-to-the-upload-session
 */
export async function uploadToSession(uploadUrl: string, bytes: Buffer): Promise<boolean> {
  if (!isUploadHost(uploadUrl) || bytes.length === 0) return false;
  try {
    const response = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: new Uint8Array(bytes),
      // A redirect could lead the bytes elsewhere.
      redirect: 'error',
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    return response.status === 200 || response.status === 201;
  } catch {
    return false;
  }
}

/** The file as it now sits in the person's OneDrive, shown in the chat. */
export function fileInfoCard(info: UploadInfo, name: string): Attachment {
  return {
    contentType: FILE_INFO_CARD,
    contentUrl: info.contentUrl,
    name: info.name ?? name,
    content: { uniqueId: info.uniqueId, fileType: info.fileType },
  };
}
