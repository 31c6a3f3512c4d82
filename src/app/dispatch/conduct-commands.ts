import type { CommandOf } from '../../commands';
import { recordAttendance } from '../conduct/attendance';
import {
  conductHistory,
  openConductVote,
  referMember,
  warnMember,
  withdrawForConduct,
} from '../conduct/conduct-steps';
import type { AppContext } from '../shared/context';
import { mentionedPerson, NO_GROUP, type CommandRequest } from './command-request';
import { ballotCard, historyCard } from './conduct-views';
import { noticeReply, refusalReply, type Reply } from './reply';

type ConductCommand = CommandOf<
  | 'attendance'
  | 'conduct-warn'
  | 'conduct-vote'
  | 'conduct-refer'
  | 'conduct-withdraw'
  | 'conduct-history'
>;

/** attendance and the conduct commands: the code-of-conduct ladder of the group's policy. */
export async function runConductCommand(
  ctx: AppContext,
  request: CommandRequest,
  command: ConductCommand,
): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const actor = request.speaker.actor;
  const zone = request.speaker.organisation.timeZone;

  if (command.type === 'attendance') {
    const people = [];
    for (const userId of command.personUserIds)
      people.push(await mentionedPerson(ctx, request, userId));
    const result = await recordAttendance(ctx, actor, {
      groupId,
      personIds: people.map((p) => p._id),
    });
    if (!result.ok) return refusalReply(result.refusals);
    return noticeReply(
      `Present at today’s meeting: ${people.map((p) => p.displayName).join(', ')}.`,
      'ok',
      ['They are the members who may vote in a ballot opened today.'],
    );
  }

  const subject = await mentionedPerson(ctx, request, command.personUserId);
  const target = { groupId, subjectId: subject._id };
  switch (command.type) {
    case 'conduct-warn': {
      const result = await warnMember(ctx, actor, { ...target, reason: command.reason });
      if (!result.ok) return refusalReply(result.refusals);
      const { number, of } = result.value;
      return {
        ...noticeReply(
          number === 1
            ? `${subject.displayName} is warned to leave the meeting (warning 1 of ${of}).`
            : `${subject.displayName} is given warning ${number} of ${of}.`,
          'info',
          [`Reason: ${command.reason}`],
        ),
        deliveries: [
          {
            to: { kind: 'person', organisationId: actor.organisationId, personId: subject._id },
            message: {
              text: `You have been given a code-of-conduct warning (${number} of ${of}): ${command.reason}`,
            },
          },
        ],
      };
    }
    case 'conduct-vote': {
      const result = await openConductVote(ctx, actor, {
        ...target,
        action: command.action,
        ...(command.period ? { period: command.period } : {}),
      });
      if (!result.ok) return refusalReply(result.refusals);
      const card = await ballotCard(ctx, result.value, zone);
      return {
        kind: 'message',
        text: `${String(card.viewModel.question)} ${result.value.eligible.length} members may vote.`,
        card,
      };
    }
    case 'conduct-refer': {
      const result = await referMember(ctx, actor, target);
      if (!result.ok) return refusalReply(result.refusals);
      return {
        ...noticeReply(`${subject.displayName} is referred to ${result.value.to}.`, 'info'),
        deliveries: result.value.committee.map((personId) => ({
          to: { kind: 'person' as const, organisationId: actor.organisationId, personId },
          message: {
            text: `${subject.displayName} has been referred to ${result.value.to} for a code-of-conduct breach. Please record the outcome of your investigation.`,
            card: {
              name: 'referral',
              viewModel: {
                to: result.value.to,
                person: subject.displayName,
                group: result.value.groupName,
                groupId,
                subjectId: subject._id,
              },
            },
          },
        })),
      };
    }
    case 'conduct-withdraw': {
      const result = await withdrawForConduct(ctx, actor, { ...target, reason: command.reason });
      if (!result.ok) return refusalReply(result.refusals);
      return {
        ...noticeReply(`${subject.displayName}'s membership is withdrawn.`, 'info', [
          `Reason: ${command.reason}`,
        ]),
        deliveries: [
          {
            to: { kind: 'person', organisationId: actor.organisationId, personId: subject._id },
            message: {
              text: `Your membership of the group has been withdrawn for a breach of the code of conduct: ${command.reason}`,
            },
          },
        ],
      };
    }
    case 'conduct-history': {
      const result = await conductHistory(ctx, actor, target);
      if (!result.ok) return refusalReply(result.refusals);
      return {
        kind: 'message',
        text:
          result.value.length === 0
            ? `Nothing is on record about ${subject.displayName}'s conduct.`
            : `${result.value.length} entries on record about ${subject.displayName}'s conduct.`,
        onlyToSender: true,
        card: await historyCard(ctx, subject.displayName, result.value, zone),
      };
    }
  }
}
