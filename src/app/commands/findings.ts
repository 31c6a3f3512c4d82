import { findingsApproveCommand, findingsReturnCommand } from '../../commands';
import type { CommandOf } from '../../commands';
import { approveCheckFindings, returnCheckFindings } from '../checks/findings-review-use-cases';
import { approvedReply, returnedReply } from '../checks/findings-replies';
import { mentionedPerson, type CommandRequest } from '../dispatch/command-request';
import { refusalReply, type Reply } from '../dispatch/reply';
import type { AppContext } from '../shared/context';
import { handleCommand } from './command-handler';

async function findingsApprove(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'findings-approve'>,
): Promise<Reply> {
  const person = command.personUserId
    ? await mentionedPerson(ctx, request, command.personUserId)
    : undefined;
  const result = await approveCheckFindings(ctx, request.speaker.actor, {
    checkRef: command.checkRef,
    inspectorId: person?._id,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The findings were not approved');
  return approvedReply(ctx, request.speaker, result.value);
}

async function findingsReturn(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'findings-return'>,
): Promise<Reply> {
  const person = await mentionedPerson(ctx, request, command.personUserId);
  const result = await returnCheckFindings(ctx, request.speaker.actor, {
    checkRef: command.checkRef,
    inspectorId: person._id,
    reason: command.reason,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The findings were not returned');
  return returnedReply(ctx, result.value, command.reason);
}

export const findingsApproveHandler = handleCommand(findingsApproveCommand, findingsApprove);
export const findingsReturnHandler = handleCommand(findingsReturnCommand, findingsReturn);
