import type { ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import { attachFindingFiles } from '../../../app/findings/finding-files';
import { refusalReply, type Reply } from '../../../app/dispatch/reply';
import type { Speaker } from '../../../app/conversations/speaker';
import {
  MAX_FILES_PER_FINDINGS,
  MAX_FINDING_FILE_BYTES,
} from '../../../domain/findings/finding-file-kinds';
import type { SlackListenerDeps } from './deps';
import { downloadSlackBytes, SlackFileError } from './slack-files';

/**
 * A file chosen in a modal's file_input, as the view_submission's state carries it
 * (state.values.<block>.<action>.files[]: Slack file objects with id, name, mimetype, size,
 * url_private and url_private_download):
 * https://docs.slack.dev/reference/block-kit/block-elements/file-input-element/ and
 * https://docs.slack.dev/reference/objects/file-object
 */
const chosenFile = z
  .object({
    id: z.string().max(64).optional(),
    name: z.string().max(1000).optional(),
    size: z.number().nonnegative().optional(),
    url_private: z.url().optional(),
    url_private_download: z.url().optional(),
  })
  .transform((f) => ({
    name: f.name ?? f.id ?? 'file',
    size: f.size,
    url: f.url_private_download ?? f.url_private,
  }));

const fileInputState = z.object({ files: z.array(chosenFile).max(50).default([]) });

export type ChosenFile = z.output<typeof chosenFile>;

/** The files chosen in the findings form's `files` input; none if it was left empty. */
export function chosenFindingFiles(view: ViewOutput): ChosenFile[] {
  const parsed = fileInputState.safeParse(view.state.values.files?.value ?? {});
  return parsed.success ? parsed.data.files : [];
}

/**
 * Fetches the chosen files from Slack with the bot's token and attaches them to the findings of
 * check `ref`. Undefined when they are attached (or there were none); else the refusal, and
 * nothing is kept. Sizes Slack states are checked before anything is fetched.
 */
export async function attachChosenFiles(
  deps: SlackListenerDeps,
  speaker: Speaker,
  args: { ref: string; files: ChosenFile[]; token: string },
): Promise<Reply | undefined> {
  const { files } = args;
  if (files.length === 0) return undefined;
  const refuse = (message: string) =>
    refusalReply(
      [{ code: 'findings.files', message, field: 'files' }],
      'Your findings were not recorded',
    );
  if (files.length > MAX_FILES_PER_FINDINGS)
    return refuse(`Choose at most ${MAX_FILES_PER_FINDINGS} files.`);
  const stated = files.find((f) => (f.size ?? 0) > MAX_FINDING_FILE_BYTES);
  if (stated)
    return refuse(
      `${stated.name} is larger than ${MAX_FINDING_FILE_BYTES / (1024 * 1024)} MB; send a smaller file.`,
    );
  const missing = files.find((f) => !f.url);
  if (missing) return refuse(`Slack did not say where ${missing.name} is; choose it again.`);
  let fetched: Array<{ name: string; bytes: Buffer }>;
  try {
    fetched = await Promise.all(
      files.map(async (f) => ({
        name: f.name,
        bytes: await downloadSlackBytes(
          { name: f.name, url: f.url as string },
          args.token,
          deps.apiUrl,
          MAX_FINDING_FILE_BYTES,
        ),
      })),
    );
  } catch (error) {
    if (error instanceof SlackFileError) return refuse(error.message);
    throw error;
  }
  const attached = await attachFindingFiles(deps.ctx, speaker.actor, {
    checkRef: args.ref,
    files: fetched,
  });
  if (attached.ok) return undefined;
  return refusalReply(
    attached.refusals.map((r) => ({ ...r, field: 'files' })),
    'Your findings were not recorded',
  );
}
