import { declareCommand, mineCommand, registerCommand } from '../../commands';
import { groupModel } from '../../store/groups/group-model';
import { NO_GROUP, type CommandRequest } from '../dispatch/command-request';
import { mineReply, registerReply } from '../dispatch/paged-views';
import { refusalReply, type Reply } from '../dispatch/reply';
import { declarationFormCard } from '../dispatch/view-models';
import type { AppContext } from '../shared/context';
import { handleCommand } from './command-handler';

/** A form: its definition says so, so Slack opens its modal before this runs. */
async function declare(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const group = await groupModel(ctx.db).findById(groupId).lean().orFail();
  return {
    kind: 'form',
    text: 'Declare an interest',
    form: declarationFormCard(group._id, group.name),
  };
}

/** Declarations name people's relatives and interests: not for anyone outside the group. */
function forGroupMembers(reply: Reply, groupId: string | undefined): Reply {
  return reply.kind === 'message' && groupId && !reply.onlyToSender
    ? { ...reply, onlyToGroupMembers: groupId }
    : reply;
}

export const declareHandler = handleCommand(declareCommand, declare);
export const registerHandler = handleCommand(registerCommand, async (ctx, request, command) =>
  forGroupMembers(
    await registerReply(ctx, request.speaker, request.speaker.groupId, command.page),
    request.speaker.groupId,
  ),
);
export const mineHandler = handleCommand(mineCommand, (ctx, request, command) =>
  mineReply(ctx, request.speaker, command.page),
);
