import type { Attachment } from 'botbuilder';
import { z } from 'zod';

const FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';
const MAX_BYTES = 2_000_000;

const downloadInfo = z.object({ downloadUrl: z.url(), fileType: z.string().optional() });

/**
 * Tables sent with a message (a CSV or JSON of standards). Teams gives files shared in a
 * personal chat a short-lived download URL; anything larger than 2 MB or of another type is
 * left alone.
 */
export async function fetchAttachedTables(
  attachments: readonly Attachment[],
): Promise<Array<{ name: string; text: string }>> {
  const tables: Array<{ name: string; text: string }> = [];
  for (const attachment of attachments) {
    const name = attachment.name ?? '';
    if (!/\.(csv|json)$/i.test(name)) continue;
    const info =
      attachment.contentType === FILE_DOWNLOAD
        ? downloadInfo.safeParse(attachment.content)
        : undefined;
    const url = info?.success ? info.data.downloadUrl : attachment.contentUrl;
    if (!url) continue;
    const response = await fetch(url);
    if (!response.ok) continue;
    const text = await response.text();
    if (text.length > MAX_BYTES) continue;
    tables.push({ name, text });
  }
  return tables;
}
