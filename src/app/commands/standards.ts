import { standardsImportCommand, standardsListCommand } from '../../commands';
import type { CommandRequest } from '../dispatch/command-request';
import { standardsReply } from '../dispatch/paged-views';
import { noticeReply, refusalReply, refusedOr, type Reply } from '../dispatch/reply';
import { requireOfficer } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { importStandards } from '../standards/standard-use-cases';
import { handleCommand } from './command-handler';

async function standardsImport(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const file = request.attachments[0];
  if (!file) {
    const refused = await requireOfficer(ctx, request.speaker.actor, 'import service standards');
    if (refused.length > 0) return refusalReply(refused);
    // Where the file goes depends on the channel: attached to the message (Teams), or
    // chosen in a form (Slack, whose slash commands cannot carry files).
    return {
      kind: 'form',
      text: 'Attach the CSV or JSON table of standards to the `standards import` message.',
      form: { name: 'standards-upload', viewModel: {} },
    };
  }
  const format = /\.json$/i.test(file.name) ? 'json' : 'csv';
  const result = await importStandards(ctx, request.speaker.actor, { format, text: file.text });
  return refusedOr(result, (outcome) =>
    noticeReply(
      `Standards imported: ${outcome.added} added, ${outcome.updated} updated, ${outcome.unchanged} unchanged.`,
      'ok',
      outcome.candidates.length > 0 ? [`Below target: ${outcome.candidates.join(', ')}.`] : [],
    ),
  );
}

export const standardsImportHandler = handleCommand(standardsImportCommand, standardsImport);
export const standardsListHandler = handleCommand(standardsListCommand, (ctx, request, command) =>
  standardsReply(ctx, request.speaker, command),
);
