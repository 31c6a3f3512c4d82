import { memberEraseCommand, myDataCommand } from '../../commands';
import { mentionedPerson } from '../dispatch/command-request';
import { noticeReply, refusalReply, type Reply } from '../dispatch/reply';
import { erasePerson } from '../people/erase-person';
import { exportOwnData } from '../people/personal-data';
import { handleCommand } from './command-handler';

/** Theirs alone: the answer goes to the asker only, and the files to their own chat. */
function forAskerOnly(reply: Reply): Reply {
  return reply.kind === 'message' ? { ...reply, onlyToSender: true } : reply;
}

export const myDataHandler = handleCommand(myDataCommand, async (ctx, request) => {
  const result = await exportOwnData(ctx, request.speaker.actor, {});
  if (!result.ok) return refusalReply(result.refusals, 'No data to send');
  const { files } = result.value;
  return {
    ...forAskerOnly(
      noticeReply('Here is what I hold about you.', 'info', [
        `I am sending you ${files.map((f) => f.name).join(' and ')} in our private chat.`,
        'Secret ballot votes are not in it: they cannot be linked back to you, by design.',
      ]),
    ),
    files,
  };
});

export const memberEraseHandler = handleCommand(
  memberEraseCommand,
  async (ctx, request, command) => {
    const person = await mentionedPerson(ctx, request, command.personUserId);
    const result = await erasePerson(ctx, request.speaker.actor, {
      personId: person._id,
      reason: command.reason,
    });
    if (!result.ok) return refusalReply(result.refusals, 'Nobody was erased');
    const { pseudonym } = result.value;
    return forAskerOnly(
      noticeReply(`Erased: ${person.displayName} is now ${pseudonym} in every record.`, 'ok', [
        'Their counts, decisions and the audit trail stay, under the pseudonym.',
        `Reason recorded: ${command.reason}`,
      ]),
    );
  },
);
