import { helpCommand, helpFor } from '../../commands';
import { membershipModel } from '../../store/people/membership-model';
import type { CommandRequest } from '../dispatch/command-request';
import type { Reply } from '../dispatch/reply';
import type { AppContext } from '../shared/context';
import { handleCommand } from './command-handler';

async function help(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const { person, actor } = request.speaker;
  const isMember =
    (await membershipModel(ctx.db).countDocuments({
      personId: actor.personId,
      'status.kind': { $ne: 'withdrawn' },
    })) > 0;
  const isChair =
    (await membershipModel(ctx.db).countDocuments({
      personId: actor.personId,
      roles: 'chair',
      'status.kind': 'active',
    })) > 0;
  const commands = helpFor({ isOfficer: person.isOfficer, isMember, isChair });
  return {
    kind: 'message',
    text: `You can use: ${commands.map((c) => c.usage.split(/ [@"([]/)[0]).join(', ')}.`,
    card: { name: 'help', viewModel: { commands } },
  };
}

export const helpHandler = handleCommand(helpCommand, help);
