import type { App } from '@slack/bolt';
import type { OutgoingFile } from '../../app/messaging/outgoing-file';
import type { Logger } from '../../log/logger';
import { slackErrorOf } from './listeners/replies';

export const FILES_NOT_SENT_TEXT =
  'I could not send you the file in our direct messages. Please try again in a moment.';

/**
 * A reply's files for the person who asked, in their direct messages with the bot and never in
 * the channel they asked in: a report or someone's own data is theirs to pass on. files.uploadV2
 * is Slack's three steps (files.getUploadURLExternal, the upload, files.completeUploadExternal),
 * which share the file into the DM as they complete.
 * https://docs.slack.dev/reference/methods/files.completeuploadexternal
 * True when there was nothing to send or everything went.
 */
export async function sendFilesToDm(
  client: App['client'],
  userId: string,
  files: readonly OutgoingFile[] | undefined,
  log: Logger,
): Promise<boolean> {
  if (!files || files.length === 0) return true;
  try {
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) return false;
    await client.filesUploadV2({
      channel_id: channel,
      file_uploads: files.map((file) => ({
        file: file.bytes,
        filename: file.name,
        title: file.description ?? file.name,
      })),
    });
    return true;
  } catch (error) {
    log.warn({ slack: slackErrorOf(error) }, 'Slack: files for a person could not be sent');
    return false;
  }
}
