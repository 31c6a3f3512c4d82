import { helpCommand, helpFor } from '../../commands';
import { MembershipRoll } from '../../store/people/membership-roll';
import type { CommandRequest } from '../dispatch/command-request';
import type { Reply } from '../dispatch/reply';
import type { AppContext } from '../shared/context';
import { handleCommand } from './command-handler';

/**
 * What this person may do here: in a group's chat, by their place in that group (a member of
 * group A sees no member commands in group B's chat, where they would be refused); elsewhere
 * (their own chat with the bot), by any group they belong to.
 */
async function help(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const { person, actor, groupId } = request.speaker;
  const roll = new MembershipRoll(ctx.db);
  let isMember: boolean;
  let isChair: boolean;
  if (groupId) {
    const here = await roll.of(groupId, actor.personId);
    isMember = here !== null && here.status.kind !== 'withdrawn';
    isChair = here?.status.kind === 'active' && here.roles.includes('chair');
  } else {
    [isMember, isChair] = await Promise.all([
      roll.inAnyGroup(actor.personId),
      roll.chairsAnyGroup(actor.personId),
    ]);
  }
  const commands = helpFor({ isOfficer: person.isOfficer, isMember, isChair });
  return {
    kind: 'message',
    text: `You can use: ${commands.map((c) => c.usage.split(/ [@"([]/)[0]).join(', ')}.`,
    card: { name: 'help', viewModel: { commands } },
  };
}

export const helpHandler = handleCommand(helpCommand, help);
