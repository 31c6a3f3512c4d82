/**
 * A file the bot hands to a person (a report, their own data), channel-neutral. Each channel
 * delivers it its own way: Teams by the file consent card in the person's personal chat (a bot
 * cannot put a file in a channel without Graph), Slack by files.uploadV2.
 */
export interface OutgoingFile {
  /** The file's name as people will see and save it, e.g. `R-3-review-report-draft.docx`. */
  name: string;
  /** Its media type, e.g. application/vnd.openxmlformats-officedocument.wordprocessingml.document. */
  contentType: string;
  bytes: Buffer;
  /** One line about it, shown beside the file where the platform allows. */
  description?: string;
}
